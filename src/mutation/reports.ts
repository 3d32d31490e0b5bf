import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { chooseReports, type ReportCandidate } from '../core/mutation/report/discovery';
import { isFile } from '../core/shared/fileProbe';
import { loadReport, type LoadEnvironment } from '../core/mutation/report/load';
import type { LoadedReport } from '../core/mutation/report/model';
import { insideText } from '../core/mutation/remap/placeMutants';
import { sourceLines } from '../core/mutation/sourceLines';
import { ReportStore } from '../core/mutation/store/reportStore';
import { FileWatcher } from '../shared/fileWatcher';
import type { Log } from '../shared/log';
import { Pending } from '../shared/pending';
import { findWorkspaceFiles, INCOMPLETE_DELAY_MS, INCOMPLETE_RETRIES, NEVER_SEARCHED, pause, workspaceFolderPaths } from '../shared/workspaceFiles';

/**
 * Finds, loads and watches the mutation reports of every workspace folder. Keeps the last good
 * data of a report whose read fails; says what is wrong once per distinct reason.
 */
export class ReportService implements vscode.Disposable {
  readonly store = new ReportStore();
  private readonly changed = new vscode.EventEmitter<ReadonlySet<string>>();
  /** Fires with the source files whose mutants may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly pending = new Pending();
  private readonly watcher: FileWatcher;
  private readonly loading = new Map<string, { again: boolean }>();
  private readonly saidReasons = new Map<string, string>();

  constructor(
    private readonly log: Log,
    private readonly settings: () => Settings,
  ) {
    this.watcher = new FileWatcher(() => this.settings().mutationReports, (files) => this.onFilesChanged(files));
  }

  start(): Promise<void> {
    this.watcher.setFolders(workspaceFolderPaths());
    return this.rediscover();
  }

  /** Finds every report again (folders or globs changed, or a report appeared or went away). */
  rediscover(): Promise<void> {
    return this.pending.track(this.discover());
  }

  async settled(): Promise<void> {
    await this.watcher.idle();
    await this.pending.idle();
  }

  private async discover(): Promise<void> {
    const chosen = chooseReports(await findWorkspaceFiles(this.settings().mutationReports));
    const keep = new Set(chosen.map((candidate) => candidate.path));
    const gone = this.store.all().filter((entry) => entry.candidate.origin === undefined && !keep.has(entry.candidate.path));
    const fresh = chosen.filter((candidate) => this.store.get(candidate.path) === undefined);
    // Successors first (an html report taking over from a deleted json one), so that the
    // markers never go empty in between.
    await Promise.all(fresh.map((candidate) => this.load(candidate)));
    for (const entry of gone) this.forget(entry.candidate.path, entry.report);
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
    if (this.store.get(candidate.path) === undefined) this.store.setLoading(candidate);
    for (let attempt = 0; ; attempt++) {
      const result = await loadReport(candidate, this.environment());
      if (result.ok) return this.accept(candidate, result.value);
      if (result.error.kind === 'missing') return this.forget(candidate.path, this.store.get(candidate.path)?.report);
      if (result.error.kind !== 'incomplete' || attempt >= INCOMPLETE_RETRIES) return this.reject(candidate, result.error.message);
      await pause(INCOMPLETE_DELAY_MS);
    }
  }

  /** `announce: false` skips the log lines (a live report is accepted again with every batch of results). */
  private accept(candidate: ReportCandidate, report: LoadedReport, announce = true): void {
    const before = this.store.get(candidate.path)?.report;
    this.store.setLoaded(candidate, report);
    this.saidReasons.delete(candidate.path);
    if (!announce) {
      this.changed.fire(filesOf(before, report));
      return;
    }
    const mutants = [...report.files.values()].reduce((sum, file) => sum + file.mutants.length, 0);
    this.log.info(`Loaded ${candidate.path}: ${report.files.size} files, ${mutants} mutants`);
    for (const ignored of report.ignoredKeys) this.log.warn(`${candidate.path}: file "${ignored.key}" ${ignored.reason}; its mutants are not shown`);
    if (report.droppedMutants > 0) this.log.warn(`${candidate.path}: ${report.droppedMutants} mutants have an end before their start and are not shown`);
    const outside = mutantsOutsideSource(report);
    if (outside > 0) this.log.warn(`${candidate.path}: ${outside} mutants lie outside their file's source in the report and are not shown`);
    this.changed.fire(filesOf(before, report));
  }

  private reject(candidate: ReportCandidate, reason: string): void {
    this.store.setInvalid(candidate, reason);
    if (this.saidReasons.get(candidate.path) !== reason) {
      this.saidReasons.set(candidate.path, reason);
      const kept = this.store.get(candidate.path)?.report === undefined ? '' : ' The last good report stays shown.';
      this.log.warn(`Report ${candidate.path} ${reason}.${kept}`);
    }
    this.changed.fire(new Set());
  }

  private forget(reportPath: string, report: LoadedReport | undefined): void {
    if (!this.store.remove(reportPath)) return;
    this.saidReasons.delete(reportPath);
    this.log.info(`Report ${reportPath} is gone; its markers are cleared`);
    this.changed.fire(filesOf(report, undefined));
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

  environment(): LoadEnvironment {
    return {
      workspaceFolders: workspaceFolderPaths(),
      exists: isFile,
      findFilesNamed: findFilesNamed,
      maxBytes: this.settings().maxReportSizeMB * 1024 * 1024,
    };
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}

/** Mutants whose position does not exist in the source the report embeds (placeMutants leaves them out). */
function mutantsOutsideSource(report: LoadedReport): number {
  let outside = 0;
  for (const file of report.files.values()) outside += file.mutants.filter((mutant) => !insideText(mutant.range, sourceLines(file))).length;
  return outside;
}

function filesOf(...reports: Array<LoadedReport | undefined>): Set<string> {
  const files = new Set<string>();
  for (const report of reports) for (const file of report?.files.keys() ?? []) files.add(file);
  return files;
}

async function findFilesNamed(names: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
  const byName = new Map<string, string[]>(names.map((name) => [name, []]));
  const safe = names.filter((name) => !/[{}[\]*?,]/.test(name));
  if (safe.length === 0) return byName;
  const uris = await vscode.workspace.findFiles(`**/{${safe.join(',')}}`, NEVER_SEARCHED);
  for (const uri of uris) byName.get(path.basename(uri.fsPath))?.push(uri.fsPath);
  return byName;
}
