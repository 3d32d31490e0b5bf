import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import type { ReportStore } from '../core/mutation/store/reportStore';
import { mutantsOnLine, showMutants, withLiveStatuses } from '../core/mutation/store/shownMutants';
import { megabytes, readBounded } from '../core/shared/fileProbe';
import { leftOutMessage } from '../core/shared/marks';
import { MUTANT_STATUSES } from '../core/shared/types';
import type { Log } from '../shared/log';
import type { LiveStatuses } from './liveStatuses';

const EVERY_STATUS = new Set(MUTANT_STATUSES);

/**
 * The mutants shown for each file, placed in its current text: the open document's text when
 * it is open (so markers follow typing), else the text on disk. Cached until the file, its
 * report or the settings change. The disk text kept for all files together stays within
 * mutantLens.maxReportSizeMB (a report embeds its sources, so they are no larger): a file that
 * does not fit is not read, and its mutants are placed as the report saw it.
 */
export class MutantView implements MutantQuery, vscode.Disposable {
  private readonly cache = new Map<string, readonly ShownMutantDetail[]>();
  private readonly everyCache = new Map<string, readonly ShownMutantDetail[]>();
  private readonly diskText = new Map<string, string | undefined>();
  private readonly diskBytes = new Map<string, number>();
  private keptBytes = 0;
  private readonly saidTooLarge = new Set<string>();
  private readonly saidLeftOut = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<ReadonlySet<string>>();
  /** Fires with the files whose shown mutants changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly store: ReportStore,
    private readonly settings: () => Settings,
    private readonly live: LiveStatuses,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      live.onDidChange((files) => this.invalidate([...files])),
      vscode.workspace.onDidChangeTextDocument((event) => this.invalidateDocument(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.rereadClosed(document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.keptOnSave(document)),
    );
  }

  mutantsIn(path: string): readonly ShownMutantDetail[] {
    let shown = this.cache.get(path);
    if (shown === undefined) {
      shown = this.compute(path);
      this.cache.set(path, shown);
    }
    return shown;
  }

  /** Every mutant of the file (all statuses, stale ones too), placed in its current text, with a running rerun's statuses. */
  everyMutantIn(path: string): readonly ShownMutantDetail[] {
    let every = this.everyCache.get(path);
    if (every === undefined) {
      every = this.computeEvery(path);
      this.everyCache.set(path, every);
    }
    return every;
  }

  /** The text the mutants of the file are placed in: the open document's, else the disk's as last read. */
  currentTextOf(path: string): string | undefined {
    return this.currentText(path);
  }

  mutantsAt(path: string, line: number): readonly ShownMutantDetail[] {
    return mutantsOnLine(this.mutantsIn(path), line);
  }

  /** Reads the disk text of the files not open in an editor, then recomputes and announces them all. */
  refreshFromDisk(paths: Iterable<string>): Promise<void> {
    const files = [...paths];
    return this.reread(files, files.filter((file) => this.openDocument(file) === undefined));
  }

  private async reread(files: readonly string[], fromDisk: readonly string[]): Promise<void> {
    // One after the other: each read is bounded by what the others left of the budget.
    for (const file of fromDisk) await this.readFromDisk(file);
    this.invalidate(files);
  }

  private rereadClosed(document: vscode.TextDocument): Promise<void> {
    const file = document.uri.fsPath;
    return document.uri.scheme === 'file' && this.store.filesFor(file).length > 0 ? this.reread([file], [file]) : Promise.resolve();
  }

  private async readFromDisk(file: string): Promise<void> {
    const limit = this.settings().maxReportSizeMB * 1024 * 1024;
    const budget = limit - (this.keptBytes - (this.diskBytes.get(file) ?? 0));
    const read = await readBounded(file, Math.max(0, budget));
    if (read.ok) {
      this.saidTooLarge.delete(file);
      return this.keep(file, read.bytes.toString('utf8'), read.bytes.length);
    }
    this.keep(file, undefined, 0);
    if (read.kind !== 'too-large' || this.saidTooLarge.has(file)) return;
    this.saidTooLarge.add(file);
    this.log.warn(`Source ${file} is not read (${megabytes(read.size)} MB): the text of the source files kept for placing mutants stays within the ${megabytes(limit)} MB of mutantLens.maxReportSizeMB. Its mutants are placed as the report saw it.`);
  }

  private keptOnSave(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    if (document.uri.scheme === 'file' && this.store.filesFor(file).length > 0) this.keep(file, document.getText(), document.getText().length);
  }

  private keep(file: string, text: string | undefined, bytes: number): void {
    this.keptBytes += bytes - (this.diskBytes.get(file) ?? 0);
    this.diskBytes.set(file, bytes);
    this.diskText.set(file, text);
  }

  /** Drops every cached placement (settings changed). */
  invalidateAll(): void {
    this.invalidate([...this.cache.keys(), ...this.store.coveredFiles()]);
  }

  private invalidateDocument(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'file' && this.store.filesFor(document.uri.fsPath).length > 0) this.invalidate([document.uri.fsPath]);
  }

  private invalidate(files: readonly string[]): void {
    for (const file of files) {
      this.cache.delete(file);
      this.everyCache.delete(file);
    }
    this.changed.fire(new Set(files));
  }

  private compute(path: string): readonly ShownMutantDetail[] {
    const sources = this.store.filesFor(path);
    if (sources.length === 0) return [];
    const settings = this.settings();
    // While a rerun reports on this file, every mutant is placed: a killed one may turn out to survive.
    const live = this.live.has(path);
    const bounded = showMutants(sources, this.currentText(path), live ? EVERY_STATUS : settings.statuses);
    this.sayLeftOut(path, bounded.overLimit);
    const placed = bounded.mutants;
    const shown = live ? withLiveStatuses(placed, (key) => this.live.statusOf(path, key), settings.statuses) : placed;
    return settings.staleMutants === 'hide' ? shown.filter((mutant) => !mutant.stale) : shown;
  }

  private computeEvery(path: string): readonly ShownMutantDetail[] {
    const sources = this.store.filesFor(path);
    if (sources.length === 0) return [];
    const placed = showMutants(sources, this.currentText(path), EVERY_STATUS).mutants;
    return this.live.has(path) ? withLiveStatuses(placed, (key) => this.live.statusOf(path, key), EVERY_STATUS) : placed;
  }

  /** One log line per file and count of mutants left out over the per-file limit. */
  private sayLeftOut(path: string, overLimit: number): void {
    const message = leftOutMessage('mutants', path, { pastEnd: 0, overLimit });
    if (message === undefined || this.saidLeftOut.get(path) === message) return;
    this.saidLeftOut.set(path, message);
    this.log.warn(message);
  }

  private currentText(path: string): string | undefined {
    return this.openDocument(path)?.getText() ?? this.diskText.get(path);
  }

  private openDocument(path: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === path);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
