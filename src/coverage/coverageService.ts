import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { addToIndex, emptyIndex, type CoverageIndex } from '../core/coverage/coverageIndex';
import { parseLcov, type LcovReport } from '../core/coverage/lcov';
import { createSfResolver, type PathMapping } from '../core/coverage/resolveSf';
import { isFile, readBounded } from '../core/shared/fileProbe';
import { FileWatcher } from '../shared/fileWatcher';
import type { Log } from '../shared/log';
import { Pending } from '../shared/pending';
import { findWorkspaceFiles, INCOMPLETE_DELAY_MS, INCOMPLETE_RETRIES, OutsideNotice, pause, workspaceContainment, workspaceFolderPaths } from '../shared/workspaceFiles';

export interface CoverageFileState {
  readonly path: string;
  readonly state: 'ok' | 'invalid' | 'loading';
  readonly reason: string | undefined;
  /** The last report that parsed, kept when a later read fails. */
  readonly report: LcovReport | undefined;
  readonly mtimeMs: number;
}

/**
 * Finds, parses and watches every lcov.info of the workspace and indexes their files by
 * absolute path. A half-written file (no final end_of_record yet) is read again shortly; the
 * last good data stays until a read succeeds.
 */
export class CoverageService implements vscode.Disposable {
  private readonly files = new Map<string, CoverageFileState>();
  private index: CoverageIndex = emptyIndex();
  private times = new Map<string, number>();
  private resolvedFiles = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly pending = new Pending();
  private readonly watcher: FileWatcher;
  private readonly said = new Map<string, string>();
  private readonly outside: OutsideNotice;

  constructor(
    private readonly log: Log,
    private readonly settings: () => Settings,
  ) {
    this.outside = new OutsideNotice(log);
    this.watcher = new FileWatcher(() => this.settings().coverageReports, (files) => void this.pending.track(this.refresh(files)));
  }

  start(): Promise<void> {
    this.watcher.setFolders(workspaceFolderPaths());
    return this.pending.track(this.discover());
  }

  async settled(): Promise<void> {
    await this.watcher.idle();
    await this.pending.idle();
  }

  /** Coverage of a file by absolute path (merged over every lcov file). */
  coverageOf(path: string): ReturnType<CoverageIndex['byPath']['get']> {
    return this.index.byPath.get(path);
  }

  byPath(): ReadonlyMap<string, NonNullable<ReturnType<CoverageIndex['byPath']['get']>>> {
    return this.index.byPath;
  }

  /** Absolute paths of the files an lcov file covers. */
  filesOf(lcovPath: string): readonly string[] {
    return this.resolvedFiles.get(lcovPath) ?? [];
  }

  states(): CoverageFileState[] {
    return [...this.files.values()];
  }

  /** Newest modification time of the lcov files that cover `path`. */
  lcovTimeOf(path: string): number | undefined {
    return this.times.get(path);
  }

  async discover(): Promise<void> {
    const found = new Set(await findWorkspaceFiles(this.settings().coverageReports, this.outside));
    for (const path of [...this.files.keys()]) if (!found.has(path)) this.files.delete(path);
    await Promise.all([...found].filter((path) => !this.files.has(path)).map((path) => this.load(path)));
    this.reindex();
  }

  private async refresh(paths: readonly string[]): Promise<void> {
    const containment = workspaceContainment();
    for (const path of paths) {
      if (existsSync(path) && !containment.contains(path)) {
        this.outside.tell(containment);
        if (this.files.delete(path)) this.log.info(`Coverage ${path} is gone; its markers are cleared`);
      } else if (existsSync(path)) await this.load(path);
      else if (this.files.delete(path)) this.log.info(`Coverage ${path} is gone; its markers are cleared`);
    }
    this.reindex();
  }

  private async load(path: string): Promise<void> {
    const before = this.files.get(path);
    for (let attempt = 0; ; attempt++) {
      const read = await readLcov(path, this.settings().maxCoverageSizeMB * 1024 * 1024);
      if (read.kind === 'ok') {
        this.files.set(path, { path, state: 'ok', reason: undefined, report: read.report, mtimeMs: read.mtimeMs });
        this.said.delete(path);
        this.log.info(`Loaded coverage ${path}: ${read.report.files.length} files${read.report.ignoredLines > 0 ? `, ${read.report.ignoredLines} lines not understood and skipped` : ''}`);
        return;
      }
      if (read.kind === 'incomplete' && attempt < INCOMPLETE_RETRIES) {
        await pause(INCOMPLETE_DELAY_MS);
        continue;
      }
      this.files.set(path, { path, state: 'invalid', reason: read.reason, report: before?.report, mtimeMs: before?.mtimeMs ?? 0 });
      if (this.said.get(path) !== read.reason) {
        this.said.set(path, read.reason);
        this.log.warn(`Coverage ${path} ${read.reason}.${before?.report === undefined ? '' : ' The last good coverage stays shown.'}`);
      }
      return;
    }
  }

  private reindex(): void {
    const index = emptyIndex();
    const times = new Map<string, number>();
    const resolvedFiles = new Map<string, string[]>();
    const settings = this.settings();
    const containment = workspaceContainment();
    for (const state of this.files.values()) {
      if (state.report === undefined) continue;
      const resolve = createSfResolver({
        lcovPath: state.path,
        workspaceFolders: workspaceFolderPaths(),
        pathMappings: mappings(settings),
        exists: (file) => containment.contains(file) && isFile(file),
        contains: (file) => containment.contains(file),
        separator: process.platform === 'win32' ? '\\' : '/',
      });
      const files: string[] = [];
      addToIndex(index, state.report.files, (sf) => {
        const resolved = resolve(sf);
        if (resolved.ok) {
          times.set(resolved.value.path, Math.max(times.get(resolved.value.path) ?? 0, state.mtimeMs));
          files.push(resolved.value.path);
        }
        return resolved;
      });
      resolvedFiles.set(state.path, files);
    }
    this.outside.tell(containment);
    for (const error of index.unresolved) this.sayOnce(`sf:${error.sf}`, error.message);
    this.index = index;
    this.times = times;
    this.resolvedFiles = resolvedFiles;
    this.changed.fire();
  }

  private sayOnce(key: string, message: string): void {
    if (this.said.get(key) === message) return;
    this.said.set(key, message);
    this.log.warn(message);
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}

type LcovRead = { kind: 'ok'; report: LcovReport; mtimeMs: number } | { kind: 'incomplete' | 'invalid'; reason: string };

async function readLcov(path: string, maxBytes: number): Promise<LcovRead> {
  const read = await readBounded(path, maxBytes);
  if (!read.ok) return { kind: 'invalid', reason: read.kind === 'too-large' ? `${read.message} (setting mutantLens.maxCoverageSizeMB)` : read.message };
  const text = read.bytes.toString('utf8');
  if (text.trim() === '') return { kind: 'incomplete', reason: 'is empty' };
  if (!text.trimEnd().endsWith('end_of_record')) return { kind: 'incomplete', reason: 'is incomplete (no final end_of_record)' };
  const parsed = parseLcov(text);
  return parsed.ok ? { kind: 'ok', report: parsed.value, mtimeMs: read.mtimeMs } : { kind: 'invalid', reason: parsed.error.message };
}

function mappings(settings: Settings): PathMapping[] {
  const result: PathMapping[] = [];
  for (const folder of workspaceFolderPaths()) {
    for (const [from, to] of Object.entries(settings.coveragePathMappings)) result.push({ from, to: to.replace(/\$\{workspaceFolder\}/g, folder) });
  }
  return result;
}
