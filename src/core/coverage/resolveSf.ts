/**
 * Maps an lcov SF path to an absolute file path, without touching the file system (the caller
 * passes `exists` and, for the last resort, the workspace's files). In order:
 *  1. an absolute path inside a workspace folder (no link leading out), as it is;
 *  2. an absolute path through the first path mapping (prefix → prefix) whose result exists;
 *  3. an absolute path elsewhere that exists;
 *  4. a relative path against the lcov file's package folder (the folder holding `coverage/`),
 *     then against each workspace folder, when that file exists;
 *  5. a unique suffix match among the known files: a relative SF must match whole; an absolute
 *     one (from another machine) by its longest run of trailing segments. A tie is ambiguous.
 * Backslashes count as separators; Windows paths compare without case.
 */
import { quoted, singleLine } from '../shared/sanitize';
import { err, ok, type Result } from '../shared/types';
import { dirnameOf, isAbsolutePath, pathIsInside, joinPath, normalisePath, withSeparator } from './paths';

export interface PathMapping {
  /** Prefix as the report writes it, e.g. `/home/runner/work/app/app`. */
  readonly from: string;
  /** Local prefix, `${workspaceFolder}` already substituted. */
  readonly to: string;
}

export interface SfContext {
  /** Absolute path of the lcov file. */
  readonly lcovPath: string;
  readonly workspaceFolders: readonly string[];
  readonly pathMappings?: readonly PathMapping[];
  /** Whether a file exists (inside the workspace, links resolved); called with paths in the output form. */
  readonly exists: (path: string) => boolean;
  /** Whether a path inside a workspace folder by text stays inside with its links resolved (core/shared/containment); default: yes. */
  readonly contains?: (path: string) => boolean;
  /** Absolute paths of the workspace's files, for suffix matching. */
  readonly knownFiles?: readonly string[];
  /** Separator of the paths returned. Default `/`. */
  readonly separator?: '/' | '\\';
}

export type SfVia = 'workspace path' | 'mapping' | 'absolute' | 'package folder' | 'workspace folder' | 'suffix';

export interface ResolvedSf {
  readonly path: string;
  readonly via: SfVia;
}

export interface SfError {
  readonly kind: 'unresolved' | 'ambiguous';
  readonly sf: string;
  readonly candidates: readonly string[];
  readonly message: string;
}

export type SfResolver = (sf: string) => Result<ResolvedSf, SfError>;

/** The folder that holds the `coverage/` folder the lcov file is in; else the lcov file's folder. */
export function packageFolderOf(lcovPath: string): string {
  const folder = dirnameOf(normalisePath(lcovPath));
  const parts = folder.split('/');
  const at = parts.lastIndexOf('coverage');
  return at > 0 ? parts.slice(0, at).join('/') || '/' : folder;
}

export function createSfResolver(ctx: SfContext): SfResolver {
  const out = (p: string): string => withSeparator(p, ctx.separator ?? '/');
  const folders = ctx.workspaceFolders.map(normalisePath);
  const mappings = (ctx.pathMappings ?? []).map((m) => ({ from: normalisePath(m.from), to: normalisePath(m.to) }));
  const packageFolder = packageFolderOf(ctx.lcovPath);
  let suffixes: SuffixIndex | undefined;
  const existing = (p: string): boolean => ctx.exists(out(p));
  const found = (path: string, via: SfVia): Result<ResolvedSf, never> => ok({ path: out(path), via });

  return (sf) => {
    const n = normalisePath(sf);
    if (isAbsolutePath(n)) {
      if (folders.some((f) => pathIsInside(n, f)) && (ctx.contains?.(out(n)) ?? true)) return found(n, 'workspace path');
      for (const m of mappings) {
        const mapped = pathIsInside(n, m.from) ? joinPath(m.to, n.slice(m.from.replace(/\/$/, '').length)) : undefined;
        if (mapped !== undefined && existing(mapped)) return found(mapped, 'mapping');
      }
      if (existing(n)) return found(n, 'absolute');
    } else {
      const inPackage = joinPath(packageFolder, n);
      if (existing(inPackage)) return found(inPackage, 'package folder');
      const inFolder = folders.map((f) => joinPath(f, n)).find(existing);
      if (inFolder !== undefined) return found(inFolder, 'workspace folder');
    }
    suffixes ??= new SuffixIndex(ctx.knownFiles ?? []);
    const match = suffixes.match(n, !isAbsolutePath(n));
    if (match.length === 1) return ok({ path: match[0] as string, via: 'suffix' });
    if (match.length > 1) {
      return err({ kind: 'ambiguous', sf, candidates: match, message: `Coverage path ${quoted(sf)} matches several files: ${match.map(singleLine).join(', ')}` });
    }
    return err({ kind: 'unresolved', sf, candidates: [], message: `Coverage path ${quoted(sf)} matches no file in the workspace` });
  };
}

/** Known files by file name, for matching paths by their trailing segments. */
class SuffixIndex {
  private readonly byName = new Map<string, { original: string; parts: string[] }[]>();

  constructor(files: readonly string[]) {
    for (const original of files) {
      const parts = normalisePath(original).split('/');
      const name = parts[parts.length - 1] as string;
      const list = this.byName.get(name) ?? [];
      list.push({ original, parts });
      this.byName.set(name, list);
    }
  }

  /** The known files with the most trailing segments in common with `path` (all of them when `whole`). */
  match(path: string, whole: boolean): string[] {
    const parts = path.split('/').filter((p) => p !== '..');
    const candidates = this.byName.get(parts[parts.length - 1] ?? '') ?? [];
    let best = 0;
    let winners: string[] = [];
    for (const c of candidates) {
      const common = commonTail(parts, c.parts);
      if (whole && common < parts.length) continue;
      if (common > best) [best, winners] = [common, []];
      if (common === best) winners.push(c.original);
    }
    return winners;
  }
}

function commonTail(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
