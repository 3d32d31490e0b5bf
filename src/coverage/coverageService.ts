import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { CoverageStore } from '../core/coverage/coverageStore';
import type { LcovFileRead } from '../core/coverage/readLcovText';
import { createSfResolver, type PathMapping } from '../core/coverage/resolveSf';
import { isFile } from '../core/shared/fileProbe';
import { readWhileHalfWritten } from '../core/shared/halfWritten';
import { SayOnce } from '../core/shared/sayOnce';
import { FileWatcher } from '../shared/fileWatcher';
import type { Log } from '../shared/log';
import { nextTurn, Pending } from '../shared/pending';
import { findWorkspaceFiles, OutsideNotice, workspaceContainment, workspaceFolderPaths } from '../shared/workspaceFiles';

export type { CoverageFileState } from '../core/coverage/coverageStore';

/**
 * Finds, parses and watches every lcov.info of the workspace; their last good state and the
 * index of their files by absolute path live in core (CoverageStore). A half-written file (no
 * final end_of_record yet) is read again shortly; the last good data stays until a read succeeds.
 */
export class CoverageService implements vscode.Disposable {
  readonly store = new CoverageStore();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly pending = new Pending();
  private discovered = false;
  private readonly watcher: FileWatcher;
  private readonly said = new SayOnce();
  private readonly outside: OutsideNotice;

  constructor(
    private readonly log: Log,
    private readonly settings: () => Settings,
    /** Reads and parses an lcov file off the extension host's thread (the report worker). */
    private readonly readLcov: (path: string, maxBytes: number) => Promise<LcovFileRead>,
  ) {
    this.outside = new OutsideNotice(log);
    this.watcher = new FileWatcher(
      () => this.settings().coverageReports,
      (files) => void this.pending.track(this.refresh(files)),
      () => void this.rediscover(),
    );
  }

  /** Discovers on the next turn (the first time, after activate() has returned). */
  start(): Promise<void> {
    return this.pending.track(nextTurn().then(() => this.discover())).finally(() => (this.discovered = true));
  }

  /** True until the first search for lcov files (and their reads) has ended. */
  reading(): boolean {
    return !this.discovered;
  }

  async settled(): Promise<void> {
    await this.watcher.idle();
    await this.pending.idle();
  }

  /** Finds every lcov file again (the globs or the path mappings changed). */
  rediscover(): Promise<void> {
    return this.pending.track(this.discover());
  }

  private async discover(): Promise<void> {
    // The workspace folders or the globs may have changed: discovery follows them.
    this.watcher.setFolders(workspaceFolderPaths());
    const found = new Set(await findWorkspaceFiles(this.settings().coverageReports, this.outside));
    this.store.keepOnly(found);
    await Promise.all([...found].filter((path) => !this.store.has(path)).map((path) => this.load(path)));
    this.reindex();
  }

  private async refresh(paths: readonly string[]): Promise<void> {
    const containment = workspaceContainment();
    for (const path of paths) {
      if (existsSync(path) && !containment.contains(path)) {
        this.outside.tell(containment);
        if (this.store.remove(path)) this.log.info(`Coverage ${path} is gone; its markers are cleared`);
      } else if (existsSync(path)) await this.load(path);
      else if (this.store.remove(path)) this.log.info(`Coverage ${path} is gone; its markers are cleared`);
    }
    this.reindex();
  }

  private async load(path: string): Promise<void> {
    const read = await readWhileHalfWritten(() => this.readLcov(path, this.settings().maxCoverageSizeMB * 1024 * 1024), (result) => result.kind === 'incomplete');
    if (read.kind === 'ok') {
      this.store.setLoaded(path, read.report, read.mtimeMs);
      this.said.forget(path);
      this.log.info(`Loaded coverage ${path}: ${read.report.files.length} files${read.report.ignoredLines > 0 ? `, ${read.report.ignoredLines} lines not understood and skipped` : ''}`);
      return;
    }
    const kept = this.store.setInvalid(path, read.reason);
    if (this.said.first(path, read.reason)) this.log.warn(`Coverage ${path} ${read.reason}.${kept ? ' The last good coverage stays shown.' : ''}`);
  }

  private reindex(): void {
    // chokidar follows exactly the lcov files found; discovery finds new ones.
    this.watcher.watchFiles(this.store.states().map((state) => state.path));
    const settings = this.settings();
    const containment = workspaceContainment();
    this.store.reindex((lcovPath) =>
      createSfResolver({
        lcovPath,
        workspaceFolders: workspaceFolderPaths(),
        pathMappings: mappings(settings),
        exists: (file) => containment.contains(file) && isFile(file),
        contains: (file) => containment.contains(file),
        separator: process.platform === 'win32' ? '\\' : '/',
      }),
    );
    this.outside.tell(containment);
    for (const error of this.store.unresolved()) if (this.said.first(`sf:${error.sf}`, error.message)) this.log.warn(error.message);
    this.changed.fire();
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}

function mappings(settings: Settings): PathMapping[] {
  const result: PathMapping[] = [];
  for (const folder of workspaceFolderPaths()) {
    for (const [from, to] of Object.entries(settings.coveragePathMappings)) result.push({ from, to: to.replace(/\$\{workspaceFolder\}/g, folder) });
  }
  return result;
}
