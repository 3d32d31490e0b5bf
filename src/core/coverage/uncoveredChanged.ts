/**
 * Coverage of changed lines ("patch coverage"). For each changed file, its changed lines fall in:
 *  - uncovered: lcov lists the line (DA) with 0 hits;
 *  - partial:   the line ran, but a branch on it (BRDA) never ran;
 *  - covered:   the line ran and every branch on it ran (or it has none);
 *  - not code:  lcov does not list the line (comments, blank lines, types): it does not count.
 * The three first are disjoint. Patch coverage = (covered + partial) / (covered + partial + uncovered),
 * i.e. line coverage; partial lines are reported separately for the branch view.
 * Decision: a changed file that lcov does not know at all is `notInCoverage`; its changed lines are
 * unknown, never uncovered (the file may be excluded from coverage, or not code, or the report stale),
 * and it does not count in the totals.
 */
import type { ChangedLineSet, ChangedLines } from '../git/changedLines';
import type { LcovFile } from './lcovTypes';

export type FileChangeCoverage =
  | {
      readonly kind: 'measured';
      readonly path: string;
      readonly uncovered: readonly number[];
      readonly partial: readonly number[];
      readonly covered: readonly number[];
    }
  | { readonly kind: 'notInCoverage'; readonly path: string; readonly changed: ChangedLineSet };

export interface PatchCoverage {
  /** Changed executable lines that ran (covered + partial). */
  readonly covered: number;
  /** Changed executable lines. */
  readonly total: number;
  /** covered / total × 100; undefined when no changed line is executable. */
  readonly percent: number | undefined;
  /** Changed files that lcov does not know. */
  readonly filesNotInCoverage: number;
}

/** Per changed file (sorted by path): its changed lines split by coverage. `coverage` is keyed by absolute path. */
export function coverChangedLines(coverage: ReadonlyMap<string, LcovFile>, changed: ChangedLines): FileChangeCoverage[] {
  const paths = [...changed.keys()].sort();
  return paths.map((path) => {
    const lines = changed.get(path) as ChangedLineSet;
    const file = coverage.get(path);
    if (file === undefined) return { kind: 'notInCoverage', path, changed: lines };
    return { kind: 'measured', path, ...classify(file, lines === 'all' ? file.lines : lines) };
  });
}

function classify(file: LcovFile, changed: ArrayLike<number>): { uncovered: number[]; partial: number[]; covered: number[] } {
  const uncovered: number[] = [];
  const partial: number[] = [];
  const covered: number[] = [];
  let d = 0;
  let b = 0;
  for (let i = 0; i < changed.length; i++) {
    const line = changed[i] as number;
    while (d < file.lines.length && (file.lines[d] as number) < line) d++;
    if (d >= file.lines.length || file.lines[d] !== line) continue;
    if (file.hits[d] === 0) {
      uncovered.push(line);
      continue;
    }
    while (b < file.branchLines.length && (file.branchLines[b] as number) < line) b++;
    const untaken = file.branchLines[b] === line && (file.branchesTaken[b] as number) < (file.branchesTotal[b] as number);
    (untaken ? partial : covered).push(line);
  }
  return { uncovered, partial, covered };
}

/** Totals over all files; files not in coverage count apart. */
export function patchCoverage(files: readonly FileChangeCoverage[]): PatchCoverage {
  let covered = 0;
  let total = 0;
  let filesNotInCoverage = 0;
  for (const f of files) {
    if (f.kind === 'notInCoverage') {
      filesNotInCoverage++;
      continue;
    }
    covered += f.covered.length + f.partial.length;
    total += f.covered.length + f.partial.length + f.uncovered.length;
  }
  return { covered, total, percent: total === 0 ? undefined : (covered / total) * 100, filesNotInCoverage };
}
