import type { Position, Range } from '../../shared/types';

/**
 * The source text with one mutant applied, and the lines it changes. Line breaks are `\r\n`,
 * `\n` or `\r` (as VS Code counts lines); columns are UTF-16 code units. Positions outside the
 * text (a corrupt report) are clamped to it, never thrown on.
 */

/** Offsets where each line starts. */
export function lineStarts(text: string): readonly number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** Offset just past the text of line `line` (before its line break). */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  const next = starts[line + 1];
  if (next === undefined) return text.length;
  return text[next - 2] === '\r' && text[next - 1] === '\n' ? next - 2 : next - 1;
}

function clampLine(starts: readonly number[], line: number): number {
  return Math.min(Math.max(0, line), starts.length - 1);
}

/** The offset of a 0-based position, clamped to the text and to its line. */
export function offsetAt(text: string, starts: readonly number[], position: Position): number {
  const line = clampLine(starts, position.line);
  const start = starts[line] ?? 0;
  const column = Math.min(Math.max(0, position.character), lineEnd(text, starts, line) - start);
  return start + column;
}

/** `source` with the text in `range` replaced by `replacement`. */
export function applyMutant(source: string, range: Range, replacement: string): string {
  const starts = lineStarts(source);
  const start = offsetAt(source, starts, range.start);
  const end = Math.max(start, offsetAt(source, starts, range.end));
  return source.slice(0, start) + replacement + source.slice(end);
}

/** The pieces of the lines a mutant touches: before it, its own text, after it (to the line's end). */
export interface MutantLines {
  /** Text of the first affected line before the mutant. */
  readonly before: string;
  /** The original text of the mutant (may span lines). */
  readonly original: string;
  /** Text of the last affected line after the mutant. */
  readonly after: string;
}

export function mutantLines(source: string, range: Range): MutantLines {
  const starts = lineStarts(source);
  const start = offsetAt(source, starts, range.start);
  const end = Math.max(start, offsetAt(source, starts, range.end));
  const firstLine = clampLine(starts, range.start.line);
  const lastLine = clampLine(starts, Math.max(range.end.line, firstLine));
  return {
    before: source.slice(starts[firstLine] ?? 0, start),
    original: source.slice(start, end),
    after: source.slice(end, lineEnd(source, starts, lastLine)),
  };
}

/** Splits text into lines at `\r\n`, `\n` or `\r`. */
export function splitLines(text: string): readonly string[] {
  return text.split(/\r\n|\r|\n/);
}
