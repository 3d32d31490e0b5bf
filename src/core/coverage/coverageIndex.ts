/**
 * Parsed lcov files keyed by absolute path. Several SF records may land on one file (two lcov
 * files of one workspace, a relative and an absolute SF): they merge, hits adding up. Their
 * branches cannot be paired per branch, so per line the larger taken and total counts are kept.
 */
import type { Result } from '../shared/types';
import type { LcovFile } from './lcovTypes';
import type { ResolvedSf, SfError } from './resolveSf';

export interface CoverageIndex {
  readonly byPath: Map<string, LcovFile>;
  readonly unresolved: SfError[];
}

/** Adds the files of one lcov report, resolving each SF with `resolve`. */
export function addToIndex(index: CoverageIndex, files: readonly LcovFile[], resolve: (sf: string) => Result<ResolvedSf, SfError>): void {
  for (const file of files) {
    const r = resolve(file.path);
    if (!r.ok) {
      index.unresolved.push(r.error);
      continue;
    }
    const earlier = index.byPath.get(r.value.path);
    index.byPath.set(r.value.path, earlier === undefined ? file : mergeLcovFiles(earlier, file));
  }
}

export function emptyIndex(): CoverageIndex {
  return { byPath: new Map(), unresolved: [] };
}

export function mergeLcovFiles(a: LcovFile, b: LcovFile): LcovFile {
  const lines = mergeSorted(a.lines, b.lines, [a.hits], [b.hits], (x, y) => x + y);
  const branches = mergeSorted(a.branchLines, b.branchLines, [a.branchesTaken, a.branchesTotal], [b.branchesTaken, b.branchesTotal], Math.max);
  const names = new Set(a.functions.map((f) => f.name));
  return {
    path: a.path,
    lines: Uint32Array.from(lines.keys),
    hits: Float64Array.from(lines.values[0] ?? []),
    branchLines: Uint32Array.from(branches.keys),
    branchesTaken: Uint32Array.from(branches.values[0] ?? []),
    branchesTotal: Uint32Array.from(branches.values[1] ?? []),
    functions: [
      ...a.functions.map((f) => {
        const other = b.functions.find((g) => g.name === f.name);
        return other === undefined ? f : { ...f, hits: f.hits + other.hits };
      }),
      ...b.functions.filter((f) => !names.has(f.name)),
    ],
  };
}

type Columns = readonly ArrayLike<number>[];

/** Union of two ascending key lists; values of a key present in both are combined column-wise. */
function mergeSorted(ka: ArrayLike<number>, kb: ArrayLike<number>, va: Columns, vb: Columns, combine: (x: number, y: number) => number): { keys: number[]; values: number[][] } {
  const keys: number[] = [];
  const values: number[][] = va.map(() => []);
  let i = 0;
  let j = 0;
  while (i < ka.length || j < kb.length) {
    const x = i < ka.length ? (ka[i] as number) : Infinity;
    const y = j < kb.length ? (kb[j] as number) : Infinity;
    keys.push(Math.min(x, y));
    values.forEach((column, c) => {
      const fromA = x <= y ? (va[c]?.[i] as number) : undefined;
      const fromB = y <= x ? (vb[c]?.[j] as number) : undefined;
      column.push(fromA === undefined ? (fromB as number) : fromB === undefined ? fromA : combine(fromA, fromB));
    });
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return { keys, values };
}
