/**
 * Every known lcov file by path, with its state and its last good report, and the index of
 * their files by absolute path. A failed read never removes data; only `remove` (the file was
 * deleted) does. The coverage counterpart of core/mutation/store/reportStore.
 */
import type { Result } from '../shared/types';
import { addToIndex, emptyIndex } from './coverageIndex';
import type { LcovFile, LcovReport } from './lcovTypes';
import type { ResolvedSf, SfError } from './resolveSf';

export interface CoverageFileState {
  readonly path: string;
  readonly state: 'ok' | 'invalid' | 'loading';
  readonly reason: string | undefined;
  /** The last report that parsed, kept when a later read fails. */
  readonly report: LcovReport | undefined;
  readonly mtimeMs: number;
}

/** Resolves the SF paths of one lcov file (core/coverage/resolveSf, bound to that file). */
export type SfResolverFor = (lcovPath: string) => (sf: string) => Result<ResolvedSf, SfError>;

export class CoverageStore {
  private readonly files = new Map<string, CoverageFileState>();
  private byPathIndex: ReadonlyMap<string, LcovFile> = new Map();
  private times: ReadonlyMap<string, number> = new Map();
  private resolvedFiles: ReadonlyMap<string, readonly string[]> = new Map();
  private unresolvedSfs: readonly SfError[] = [];

  states(): CoverageFileState[] {
    return [...this.files.values()];
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  setLoaded(path: string, report: LcovReport, mtimeMs: number): void {
    this.files.set(path, { path, state: 'ok', reason: undefined, report, mtimeMs });
  }

  /** The read failed: the last good report (and its time) stay. Returns whether a good report was kept. */
  setInvalid(path: string, reason: string): boolean {
    const before = this.files.get(path);
    this.files.set(path, { path, state: 'invalid', reason, report: before?.report, mtimeMs: before?.mtimeMs ?? 0 });
    return before?.report !== undefined;
  }

  remove(path: string): boolean {
    return this.files.delete(path);
  }

  /** Forgets the lcov files not in `found`. */
  keepOnly(found: ReadonlySet<string>): void {
    for (const path of [...this.files.keys()]) if (!found.has(path)) this.files.delete(path);
  }

  /** Rebuilds the index from the last good report of every lcov file. */
  reindex(resolverFor: SfResolverFor): void {
    const index = emptyIndex();
    const times = new Map<string, number>();
    const resolvedFiles = new Map<string, string[]>();
    for (const state of this.files.values()) {
      if (state.report === undefined) continue;
      const resolve = resolverFor(state.path);
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
    this.byPathIndex = index.byPath;
    this.times = times;
    this.resolvedFiles = resolvedFiles;
    this.unresolvedSfs = index.unresolved;
  }

  /** Coverage by absolute path, merged over every lcov file (as of the last `reindex`). */
  byPath(): ReadonlyMap<string, LcovFile> {
    return this.byPathIndex;
  }

  /** Absolute paths of the files an lcov file covers. */
  filesOf(lcovPath: string): readonly string[] {
    return this.resolvedFiles.get(lcovPath) ?? [];
  }

  /** Newest modification time of the lcov files that cover `path`. */
  lcovTimeOf(path: string): number | undefined {
    return this.times.get(path);
  }

  /** The SF paths the last `reindex` could not resolve. */
  unresolved(): readonly SfError[] {
    return this.unresolvedSfs;
  }
}
