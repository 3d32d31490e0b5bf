/**
 * Bounds on what one file shows: a report or lcov file can name millions of lines or mutants for
 * one file, and every mark is an object the editor keeps and draws. Lines past the end of the
 * document are dropped, and at most MAX_MARKS_PER_FILE marks of a kind are kept (the first ones,
 * in the given order); the rest are counted so that the caller can say how many were left out.
 */

/** Marks of one kind (gutter markers, highlights, diagnostics, coverage lines) kept per file. Stated in README. */
export const MAX_MARKS_PER_FILE = 10_000;

export interface BoundedMarks<T> {
  readonly kept: T[];
  /** Left out because their line is past the end of the document. */
  readonly pastEnd: number;
  /** Left out because the file already has MAX_MARKS_PER_FILE. */
  readonly overLimit: number;
}

/** Keeps the marks on a line of the document (0-based, below `lineCount`), at most `max` of them. O(n), no copy beyond `max`. */
export function boundMarks<T>(marks: readonly T[], lineOf: (mark: T) => number, lineCount: number, max = MAX_MARKS_PER_FILE): BoundedMarks<T> {
  const kept: T[] = [];
  let pastEnd = 0;
  let overLimit = 0;
  for (const mark of marks) {
    const line = lineOf(mark);
    if (line < 0 || line >= lineCount) pastEnd++;
    else if (kept.length < max) kept.push(mark);
    else overLimit++;
  }
  return { kept, pastEnd, overLimit };
}

/** The log line for marks left out of a file, or undefined when none were. */
export function leftOutMessage(what: string, file: string, bounded: Pick<BoundedMarks<unknown>, 'pastEnd' | 'overLimit'>, max = MAX_MARKS_PER_FILE): string | undefined {
  const total = bounded.pastEnd + bounded.overLimit;
  if (total === 0) return undefined;
  const why = [
    ...(bounded.pastEnd > 0 ? [`${count(bounded.pastEnd)} past the end of the document`] : []),
    ...(bounded.overLimit > 0 ? [`${count(bounded.overLimit)} over the limit of ${count(max)} per file`] : []),
  ];
  return `${file}: ${count(total)} ${what} left out (${why.join(', ')})`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
