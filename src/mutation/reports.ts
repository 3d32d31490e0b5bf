import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { chooseReports, type ReportCandidate } from '../core/mutation/report/discovery';
import { isFile } from '../core/shared/fileProbe';
import { readWhileHalfWritten } from '../core/shared/halfWritten';
import { SayOnce } from '../core/shared/sayOnce';
import { quoted } from '../core/shared/sanitize';
import type { LoadEnvironment, LoadProblem } from '../core/mutation/report/load';
import type { LoadedReport } from '../core/mutation/report/model';
import type { BaseIndex } from '../core/change/baseMatch';
import type { LcovFileRead } from '../core/coverage/readLcovText';
import { changedFiles, ReportLoader, type LoadFacts } from '../core/mutation/load/reportLoader';
import type { Result } from '../core/shared/types';
import { insideText } from '../core/mutation/remap/placeMutants';
import { sourceLines } from '../core/mutation/sourceLines';
import { ReportStore } from '../core/mutation/store/reportStore';
import { FileWatcher } from '../shared/fileWatcher';
import type { Log } from '../shared/log';
import { Pending } from '../shared/pending';
import { findWorkspaceFiles, NEVER_SEARCHED, OutsideNotice, workspaceContainment, workspaceFolderPaths } from '../shared/workspaceFiles';
import type { Containment } from '../core/shared/containment';

/**
 * Finds, loads and watches the mutation reports of every workspace folder. Keeps the last good
 * data of a report whose read fails; says what is wrong once per distinct reason.
 */
export class ReportService implements vscode.Disposable {
  readonly store = new ReportStore();
  private readonly changed = new vscode.EventEmitter<ReadonlySet<string>>();
  /** Fires with the source files whose mutants may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<ReadonlyMap<string, unknown>>();
  /** Fires with every source file of a report that loaded (whole) or went, before `onDidChange`. */
  readonly onDidLoad = this.loaded.event;
  private readonly pending = new Pending();
  private readonly watcher: FileWatcher;
  private readonly loading = new Map<string, { again: boolean }>();
  private readonly said = new SayOnce();
  private readonly outside: OutsideNotice;
  private discovering: Promise<void> | undefined;
  private discoverAgain = false;
  private readonly saidUnplaced = new Map<string, string>();
  /** Reads, parses, validates and indexes the reports in a worker thread (started with the first load). */
  private readonly loader: ReportLoader;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `workerFile`: the built report worker (dist/reportWorker.js). */
  constructor(
    private readonly log: Log,
    private readonly settings: () => Settings,
    workerFile: string,
  ) {
    this.outside = new OutsideNotice(log);
    this.watcher = new FileWatcher(
      () => this.settings().mutationReports,
      (files) => this.onFilesChanged(files),
      () => void this.rediscover(),
    );
    this.loader = new ReportLoader({ workerFile, log: (line) => log.warn(line) });
    const prioritise = (): void => this.loader.prioritise(priorityFiles());
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(prioritise), vscode.window.onDidChangeVisibleTextEditors(prioritise));
  }

  /** Test hook: how many files the last load rebuilt and how many it kept (same objects). */
  get loadStats(): { readonly rebuiltFiles: number; readonly reusedFiles: number } {
    return this.loader.stats;
  }

  /** An lcov file read and parsed off the extension host's thread (the report worker). */
  readLcov(path: string, maxBytes: number): Promise<LcovFileRead> {
    return this.loader.readLcov(path, maxBytes);
  }

  /** A base report's text parsed, validated and indexed off the extension host's thread (the report worker). */
  parseBase(text: string, format: 'json' | 'html'): Promise<Result<BaseIndex, string>> {
    return this.loader.parseBase(text, format);
  }

  start(): Promise<void> {
    return this.rediscover();
  }

  /** Finds every report again (folders or globs changed, or a report appeared or went away). */
  rediscover(): Promise<void> {
    return this.pending.track(this.discoverOnce());
  }

  /**
   * One discovery at a time, and one more after it when asked meanwhile: a discovery whose search
   * began before a report appeared must not finish after one that loaded it (it would drop it as gone).
   */
  private async discoverOnce(): Promise<void> {
    if (this.discovering !== undefined) {
      this.discoverAgain = true;
      return this.discovering;
    }
    const run = async (): Promise<void> => {
      do {
        this.discoverAgain = false;
        await this.discover();
      } while (this.discoverAgain);
    };
    this.discovering = run().finally(() => (this.discovering = undefined));
    return this.discovering;
  }

  async settled(): Promise<void> {
    await this.watcher.idle();
    await this.pending.idle();
  }

  private async discover(): Promise<void> {
    // The workspace folders or the globs may have changed: discovery follows them.
    this.watcher.setFolders(workspaceFolderPaths());
    const chosen = chooseReports(await findWorkspaceFiles(this.settings().mutationReports, this.outside));
    const keep = new Set(chosen.map((candidate) => candidate.path));
    const gone = this.store.all().filter((entry) => entry.candidate.origin === undefined && !keep.has(entry.candidate.path));
    const fresh = chosen.filter((candidate) => this.store.get(candidate.path) === undefined);
    // Successors first (an html report taking over from a deleted json one), so that the
    // markers never go empty in between.
    await Promise.all(fresh.map((candidate) => this.load(candidate)));
    for (const entry of gone) this.forget(entry.candidate.path, entry.report);
    this.followReportFiles();
  }

  /** chokidar follows exactly the report files found (not the remote ones); discovery finds new ones. */
  private followReportFiles(): void {
    this.watcher.watchFiles(this.store.all().flatMap((entry) => (entry.candidate.origin === undefined ? [entry.candidate.path] : [])));
  }

  private onFilesChanged(files: readonly string[]): void {
    const known = files.filter((file) => this.store.get(file) !== undefined && existsSync(file));
    for (const file of known) {
      const entry = this.store.get(file);
      if (entry !== undefined) void this.pending.track(this.load(entry.candidate));
    }
    if (known.length < files.length) void this.rediscover();
  }

  private async load(candidate: ReportCandidate): Promise<void> {
    const running = this.loading.get(candidate.path);
    if (running !== undefined) {
      running.again = true;
      return;
    }
    const state = { again: true };
    this.loading.set(candidate.path, state);
    try {
      while (state.again) {
        state.again = false;
        await this.loadOnce(candidate);
      }
    } finally {
      this.loading.delete(candidate.path);
    }
  }

  private async loadOnce(candidate: ReportCandidate): Promise<void> {
    const first = workspaceContainment();
    if (!first.contains(candidate.path)) {
      this.outside.tell(first);
      return this.forget(candidate.path, this.store.get(candidate.path)?.report);
    }
    if (this.store.get(candidate.path) === undefined) this.store.setLoading(candidate);
    let attempt = 0;
    let facts: LoadFacts | undefined;
    const result = await readWhileHalfWritten(
      async () => {
        const containment = attempt++ === 0 ? first : workspaceContainment();
        const read = await this.loadInWorker(candidate, containment, (counted) => (facts = counted));
        this.outside.tell(containment);
        return read;
      },
      (read) => !read.ok && read.error.kind === 'incomplete',
    );
    if (result.ok) return this.accept(candidate, result.value, true, facts);
    this.dropPartial(candidate);
    if (result.error.kind === 'missing') return this.forget(candidate.path, this.store.get(candidate.path)?.report);
    return this.reject(candidate, result.error.message);
  }

  /** One load in the worker; a first load shows its files as they arrive (the active and visible editors' first). */
  private loadInWorker(candidate: ReportCandidate, containment: Containment, onFacts: (facts: LoadFacts) => void): Promise<Result<LoadedReport, LoadProblem>> {
    const previous = this.store.get(candidate.path)?.report;
    return this.loader.load(
      { candidate, workspaceFolders: containment.folders, maxBytes: this.maxBytes(), priority: priorityFiles(), previous },
      {
        findFilesNamed: async (names) => insideOnly(await findFilesNamed(names), containment),
        onFacts: (facts) => {
          onFacts(facts);
          this.outside.tellEach(facts.outside);
        },
        onPartial: (partial) => this.showPartial(candidate, partial),
      },
    );
  }

  private showPartial(candidate: ReportCandidate, partial: LoadedReport): void {
    const before = this.store.get(candidate.path)?.report;
    this.store.setPartial(candidate, partial);
    this.changed.fire(changedFiles(before, partial));
  }

  /** A first load that failed after showing some files: they were never a whole report, so they go. */
  private dropPartial(candidate: ReportCandidate): void {
    const entry = this.store.get(candidate.path);
    if (entry?.status !== 'loading' || entry.report === undefined) return;
    this.store.remove(candidate.path);
    this.store.setLoading(candidate);
    this.changed.fire(changedFiles(entry.report, undefined));
  }

  /**
   * `announce: false` skips the log lines (a live report is accepted again with every batch of
   * results). `facts`: what the worker counted (a remote report, indexed here, is counted here).
   */
  private accept(candidate: ReportCandidate, report: LoadedReport, announce = true, facts?: LoadFacts): void {
    const before = this.store.get(candidate.path)?.report;
    this.store.setLoaded(candidate, report);
    this.said.forget(candidate.path);
    this.loaded.fire(report.files);
    if (!announce) {
      this.changed.fire(changedFiles(before, report));
      return;
    }
    const mutants = facts?.mutants ?? [...report.files.values()].reduce((sum, file) => sum + file.mutants.length, 0);
    this.log.info(`Loaded ${candidate.path}: ${report.files.size} files, ${mutants} mutants`);
    const kept = facts === undefined || before === undefined ? 0 : report.files.size - facts.changedFiles;
    if (kept > 0) this.log.info(`${candidate.path}: ${facts?.changedFiles} of ${report.files.size} files changed since the last load; ${kept} kept as they were`);
    if (report.normalised !== undefined) this.log.info(`${candidate.path}: ${report.normalised}`);
    for (const ignored of report.ignoredKeys) this.log.warn(`${candidate.path}: file ${quoted(ignored.key)} ${ignored.reason}; its mutants are not shown`);
    this.sayUnplaced(candidate.path, report);
    if (report.droppedMutants > 0) this.log.warn(`${candidate.path}: ${report.droppedMutants} mutants have an end before their start and are not shown`);
    const outside = facts?.mutantsOutsideSource ?? mutantsOutsideSource(report);
    if (outside > 0) this.log.warn(`${candidate.path}: ${outside} mutants lie outside their file's source in the report and are not shown`);
    const unplaced = report.unplacedMutants ?? [];
    if (unplaced.length > 0) this.log.warn(`${candidate.path}: ${unplaced.length} unplaced mutants are not shown: ${listed(unplaced, UNPLACED_LISTED)}`);
    this.changed.fire(changedFiles(before, report));
  }

  /** Each unplaced mutant once per distinct set (a tool that rewrites its results mid-run reloads them often). */
  private sayUnplaced(reportPath: string, report: LoadedReport): void {
    const lines = (report.unplaced ?? []).map((mutant) => `${reportPath}: mutant ${mutant.id} is unplaced: ${mutant.reason}; it is not shown`);
    if ((this.saidUnplaced.get(reportPath) ?? '') === lines.join('\n')) return;
    this.saidUnplaced.set(reportPath, lines.join('\n'));
    for (const line of lines) this.log.warn(line);
  }

  private reject(candidate: ReportCandidate, reason: string): void {
    this.store.setInvalid(candidate, reason);
    if (this.said.first(candidate.path, reason)) {
      const kept = this.store.get(candidate.path)?.report === undefined ? '' : ' The last good report stays shown.';
      this.log.warn(`Report ${candidate.path} ${reason}.${kept}`);
    }
    this.changed.fire(new Set());
  }

  private forget(reportPath: string, report: LoadedReport | undefined): void {
    if (!this.store.remove(reportPath)) return;
    this.said.forget(reportPath);
    this.saidUnplaced.delete(reportPath);
    this.log.info(`Report ${reportPath} is gone; its markers are cleared`);
    if (report !== undefined) this.loaded.fire(report.files);
    this.followReportFiles();
    this.changed.fire(changedFiles(report, undefined));
  }

  /** A remote report (the Dashboard's) loaded: shown like the others, never removed by discovery. */
  showRemote(candidate: ReportCandidate, report: LoadedReport, announce = true): void {
    this.accept(candidate, report, announce);
  }

  /** A remote report could not be fetched or read: said once, its last good data kept. */
  remoteFailed(candidate: ReportCandidate, reason: string): void {
    this.reject(candidate, reason);
  }

  /** A remote report is no longer wanted (its target changed or went). */
  removeRemote(url: string): void {
    this.forget(url, this.store.get(url)?.report);
  }

  /** How reports are loaded here; a remote report is indexed with the same (containment taken now by default). */
  environment(containment: Containment = workspaceContainment()): LoadEnvironment {
    return {
      workspaceFolders: workspaceFolderPaths(),
      exists: (file) => containment.contains(file) && isFile(file),
      findFilesNamed: async (names) => insideOnly(await findFilesNamed(names), containment),
      maxBytes: this.maxBytes(),
    };
  }

  private maxBytes(): number {
    return this.settings().maxReportSizeMB * 1024 * 1024;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.loader.dispose();
    this.watcher.dispose();
    this.changed.dispose();
    this.loaded.dispose();
  }
}

/** How many unplaced mutants the log line names (the rest are counted). */
const UNPLACED_LISTED = 20;

function listed(items: readonly string[], max: number): string {
  const more = items.length - max;
  return items.slice(0, max).join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Mutants whose position does not exist in the source the report embeds (placeMutants leaves them out). */
function mutantsOutsideSource(report: LoadedReport): number {
  let outside = 0;
  for (const file of report.files.values()) outside += file.mutants.filter((mutant) => !insideText(mutant.range, sourceLines(file))).length;
  return outside;
}

/** The active and visible editors' files: the worker sends them first. */
function priorityFiles(): string[] {
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
  const files = editors.flatMap((editor) => (editor?.document.uri.scheme === 'file' ? [editor.document.uri.fsPath] : []));
  return [...new Set(files)];
}

async function findFilesNamed(names: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
  const byName = new Map<string, string[]>(names.map((name) => [name, []]));
  const safe = names.filter((name) => !/[{}[\]*?,]/.test(name));
  if (safe.length === 0) return byName;
  const uris = await vscode.workspace.findFiles(`**/{${safe.join(',')}}`, NEVER_SEARCHED);
  for (const uri of uris) byName.get(path.basename(uri.fsPath))?.push(uri.fsPath);
  return byName;
}

/** The files by name, without those a link leads outside the workspace. */
function insideOnly(byName: ReadonlyMap<string, readonly string[]>, containment: Containment): ReadonlyMap<string, readonly string[]> {
  return new Map([...byName].map(([name, files]) => [name, files.filter((file) => containment.contains(file))]));
}
