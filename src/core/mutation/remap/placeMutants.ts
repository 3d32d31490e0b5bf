import type { ReportMutant } from '../report/model';
import type { Position, Range } from '../../shared/types';
import { matchLines, splitLines } from './lineDiff';

/** A mutant placed in the current text. A stale mutant's own lines changed since the report. */
export interface PlacedMutant {
  readonly mutant: ReportMutant;
  readonly range: Range;
  readonly stale: boolean;
}

export interface Placement {
  readonly placed: readonly PlacedMutant[];
  /** Mutants whose location lies outside the report's own source (impossible positions). */
  readonly outsideSource: number;
}

/**
 * Moves each mutant from the report's source to the current text. A mutant whose lines all
 * survive unchanged and stay adjacent moves with them; otherwise it is stale and placed at the
 * line its start maps to through the nearest unchanged line above, clamped to the text.
 */
export function placeMutants(source: string, current: string, mutants: readonly ReportMutant[]): Placement {
  const oldLines = splitLines(source);
  const valid = mutants.filter((mutant) => insideText(mutant.range, oldLines));
  if (source === current) {
    return { placed: valid.map((mutant) => ({ mutant, range: mutant.range, stale: false })), outsideSource: mutants.length - valid.length };
  }
  const newLines = splitLines(current);
  const { oldToNew } = matchLines(oldLines, newLines);
  const placed = valid.map((mutant) => placeOne(mutant, oldToNew, newLines));
  return { placed, outsideSource: mutants.length - valid.length };
}

export function insideText(range: Range, lines: readonly string[]): boolean {
  return positionInside(range.start, lines) && positionInside(range.end, lines);
}

function positionInside(position: Position, lines: readonly string[]): boolean {
  const line = lines[position.line];
  return position.line >= 0 && position.character >= 0 && line !== undefined && position.character <= line.length;
}

function placeOne(mutant: ReportMutant, oldToNew: Int32Array, newLines: readonly string[]): PlacedMutant {
  const { start, end } = mutant.range;
  const delta = (oldToNew[start.line] ?? -1) - start.line;
  let intact = (oldToNew[start.line] ?? -1) >= 0;
  for (let line = start.line + 1; intact && line <= end.line; line++) intact = (oldToNew[line] ?? -1) === line + delta;
  if (intact) {
    return { mutant, range: { start: { line: start.line + delta, character: start.character }, end: { line: end.line + delta, character: end.character } }, stale: false };
  }
  const line = nearestMappedLine(start.line, oldToNew, newLines.length);
  return { mutant, range: clampToLine(line, start.character, newLines), stale: true };
}

function nearestMappedLine(oldLine: number, oldToNew: Int32Array, newLength: number): number {
  for (let anchor = oldLine - 1; anchor >= 0; anchor--) {
    const mapped = oldToNew[anchor] ?? -1;
    if (mapped >= 0) return Math.min(mapped + (oldLine - anchor), newLength - 1);
  }
  return Math.min(oldLine, newLength - 1);
}

function clampToLine(line: number, character: number, lines: readonly string[]): Range {
  const length = (lines[line] ?? '').length;
  const start = Math.min(character, length);
  return { start: { line, character: start }, end: { line, character: length } };
}
