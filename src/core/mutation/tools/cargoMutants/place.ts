/**
 * Where a cargo-mutants mutant lies in the file as read now. cargo-mutants counts columns in chars
 * and embeds no source; its `diff/` file of the mutant holds the original lines around it, so a
 * mutant is placed only when those lines are still the file's lines (otherwise the file changed
 * since the run and the mutant is unplaced, never shown at a wrong place).
 */
import type { Placement, SchemaLocation } from '../toolReport';
import type { CargoPosition, CargoSpan } from './outcomes';

/** The original side of a unified diff: 1-based line number to text. Undefined when there is no hunk. */
export function originalLines(diff: string): Map<number, string> | undefined {
  const lines = new Map<number, string>();
  let next: number | undefined;
  for (const line of diff.split('\n')) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (hunk !== null) next = Number(hunk[1]);
    else if (next !== undefined && (line.startsWith(' ') || line.startsWith('-'))) lines.set(next++, line.slice(1).replace(/\r$/, ''));
  }
  return next === undefined ? undefined : lines;
}

/** The 1-based UTF-16 column of a 1-based char column, or undefined beyond the line's end. */
export function utf16Column(lineText: string, charColumn: number): number | undefined {
  let units = 0;
  let chars = 0;
  for (const char of lineText) {
    if (chars === charColumn - 1) return units + 1;
    units += char.length;
    chars++;
  }
  return chars === charColumn - 1 ? units + 1 : undefined;
}

function positionIn(lines: readonly string[], position: CargoPosition): { line: number; column: number } | undefined {
  const text = lines[position.line - 1];
  const column = text === undefined ? undefined : utf16Column(text, position.column);
  return column === undefined ? undefined : { line: position.line, column };
}

/** The span in the schema's terms (UTF-16 columns) when it fits the lines, and the diff (if any) agrees with them. */
export function placeCargoSpan(span: CargoSpan, lines: readonly string[], diff: string | undefined): Placement {
  const start = positionIn(lines, span.start);
  const end = positionIn(lines, span.end);
  if (start === undefined || end === undefined) return { unplaced: `line ${span.start.line} column ${span.start.column} is beyond the end of the file` };
  if (end.line < start.line || (end.line === start.line && end.column < start.column)) return { unplaced: 'its span ends before it starts' };
  if (diff === undefined) return { location: { start, end } };
  const original = originalLines(diff);
  if (original === undefined) return { unplaced: 'its diff file holds no hunk' };
  for (let line = span.start.line; line <= span.end.line; line++) {
    if (!original.has(line)) return { unplaced: `its diff does not show line ${line}` };
  }
  for (const [line, text] of original) {
    if (lines[line - 1] !== text) return { unplaced: `line ${line} changed since cargo-mutants ran` };
  }
  return { location: { start, end } satisfies SchemaLocation };
}
