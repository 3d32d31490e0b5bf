import type { Position, Range } from '../../shared/types';
import type { ShownMutantDetail } from '../shown';

function rank(detail: ShownMutantDetail): number {
  if (detail.mutant.status === 'Survived') return 0;
  if (detail.mutant.status === 'NoCoverage') return 1;
  return 2;
}

/** Survived, then NoCoverage, then the rest; otherwise the given order is kept. */
export function survivorsFirst(details: readonly ShownMutantDetail[]): readonly ShownMutantDetail[] {
  return details
    .map((detail, index) => ({ detail, index }))
    .sort((a, b) => rank(a.detail) - rank(b.detail) || a.index - b.index)
    .map((entry) => entry.detail);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The range contains the position, both ends included (a hover at a word's end still counts). */
export function rangeContains(range: Range, position: Position): boolean {
  return before(range.start, position) && before(position, range.end);
}

function extent(range: Range): number {
  return (range.end.line - range.start.line) * 1_000_000 + range.end.character - range.start.character;
}

export interface HoverPick {
  /** The mutants to describe, survivors first. */
  readonly mutants: readonly ShownMutantDetail[];
  /** The range the hover is anchored to: the smallest mutant under the cursor. */
  readonly range: Range;
}

/**
 * Which mutants a hover at `position` describes, given the mutants touching its line: none unless
 * the cursor is on a mutant; then every mutant starting on the line, and those under the cursor
 * that start earlier (a multi-line mutant enclosing the line).
 */
export function pickHoverMutants(onLine: readonly ShownMutantDetail[], position: Position): HoverPick | undefined {
  const under = onLine.filter((d) => rangeContains(d.range, position));
  const smallest = under.reduce<ShownMutantDetail | undefined>(
    (best, d) => (best === undefined || extent(d.range) < extent(best.range) ? d : best),
    undefined,
  );
  if (smallest === undefined) return undefined;
  const listed = onLine.filter((d) => d.range.start.line === position.line || under.includes(d));
  return { mutants: survivorsFirst(listed), range: smallest.range };
}
