import type { LcovFile } from './lcov';

export type ChangedLineKind = 'uncovered' | 'partial' | 'covered' | 'unchanged';

export interface CoverageHoverInput {
  readonly kind: ChangedLineKind;
  /** 0-based line. */
  readonly line: number;
  readonly coverage: LcovFile | undefined;
  /** The file was saved after the lcov file was written. */
  readonly coverageMayBeOld: boolean;
  readonly base: string | undefined;
  /** Why changed lines are not known at all (Restricted Mode), said last. */
  readonly changedLinesOff?: string;
}

/** Plain-text lines of the hover on a changed line (no markdown: nothing here comes from a user). */
export function coverageHoverLines(input: CoverageHoverInput): string[] {
  const lines: string[] = [];
  const against = input.base === undefined ? '' : ` against ${input.base}`;
  if (input.kind === 'uncovered') lines.push(`Changed${against} and never ran in a test.`);
  else if (input.kind === 'partial') lines.push(`Changed${against}; it ran, but not every branch on it did.`);
  else if (input.kind === 'covered') lines.push(`Changed${against} and ran in a test.`);
  else lines.push('Never ran in a test.');
  const hits = hitsOn(input.coverage, input.line);
  if (hits !== undefined) lines.push(`Hits: ${hits}`);
  const branches = branchesOn(input.coverage, input.line);
  if (branches !== undefined) lines.push(`Branches taken: ${branches.taken} of ${branches.total}${branches.taken < branches.total ? ` (${branches.total - branches.taken} never taken)` : ''}`);
  if (input.coverageMayBeOld) lines.push('The file changed after the coverage report was written: coverage may be out of date.');
  if (input.changedLinesOff !== undefined) lines.push(input.changedLinesOff);
  return lines;
}

export function hitsOn(file: LcovFile | undefined, line: number): number | undefined {
  const at = file === undefined ? -1 : indexOf(file.lines, line);
  return at < 0 ? undefined : file?.hits[at];
}

export function branchesOn(file: LcovFile | undefined, line: number): { taken: number; total: number } | undefined {
  const at = file === undefined ? -1 : indexOf(file.branchLines, line);
  if (file === undefined || at < 0) return undefined;
  return { taken: file.branchesTaken[at] ?? 0, total: file.branchesTotal[at] ?? 0 };
}

/** Binary search in an ascending array; -1 when absent. */
export function indexOf(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle] as number;
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** "Δ 12/15 lines covered (80%)", or a note when no changed line is code that lcov knows. */
export function patchCoverageText(covered: number, total: number): string {
  if (total === 0) return 'Δ no changed code lines';
  return `Δ ${covered}/${total} lines covered (${Math.floor((covered / total) * 100)}%)`;
}
