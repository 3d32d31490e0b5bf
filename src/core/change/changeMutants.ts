/**
 * The change's mutants: the mutants whose current range (after the stale remap) touches a
 * changed line. A range touches every line from its start line to its end line, both included,
 * as the hover and `mutantsAt` count it (a multi-line mutant whose last line changed is the
 * change's too).
 */
import type { ChangedLineSet } from '../git/changedLines';
import type { Range } from '../shared/types';

/** Whether a 0-based range touches a line of the set (`'all'`: every line changed). */
export function touchesChangedLine(range: Range, changed: ChangedLineSet | undefined): boolean {
  if (changed === undefined) return false;
  if (changed === 'all') return true;
  return firstAtOrAfter(changed, range.start.line) <= range.end.line;
}

/** The index of the first line of the ascending list that is at or after `line` (the list's length when none). */
export function firstIndexAtOrAfter(lines: readonly number[], line: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((lines[middle] as number) < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The smallest line of the ascending list that is at or after `line`; Infinity when none. */
function firstAtOrAfter(lines: readonly number[], line: number): number {
  return lines[firstIndexAtOrAfter(lines, line)] ?? Infinity;
}

/** The mutants (anything with a current range) that touch a changed line, in the given order. */
export function changeMutantsOf<T extends { readonly range: Range }>(mutants: readonly T[], changed: ChangedLineSet | undefined): T[] {
  return mutants.filter((mutant) => touchesChangedLine(mutant.range, changed));
}
