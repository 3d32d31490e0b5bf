/**
 * Line ranges for Stryker's `--mutate file:from-to`: lines 1-based, both ends included.
 * Positions in Mutant Lens are 0-based (see src/core/shared/types.ts).
 */
import type { Range } from '../shared/types';

export interface LineRange {
  /** 1-based, inclusive. */
  readonly from: number;
  /** 1-based, inclusive. */
  readonly to: number;
}

/** Merges 0-based line numbers (any order, repeats allowed) into 1-based runs of consecutive lines. */
export function lineRanges(zeroBasedLines: readonly number[]): LineRange[] {
  const sorted = [...new Set(zeroBasedLines)].filter((l) => Number.isInteger(l) && l >= 0).sort((a, b) => a - b);
  const ranges: LineRange[] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.to === line) ranges[ranges.length - 1] = { from: last.from, to: line + 1 };
    else ranges.push({ from: line + 1, to: line + 1 });
  }
  return ranges;
}

/** The whole lines each 0-based range touches (an end at column 0 does not touch its line), merged. */
export function rangesAround(ranges: readonly Range[]): LineRange[] {
  const lines: number[] = [];
  for (const r of ranges) {
    const last = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
    for (let line = r.start.line; line <= last; line++) lines.push(line);
  }
  return lineRanges(lines);
}

/** The `--mutate` values: the file alone, or one `file:from-to` per range. */
export function mutateSpecs(relativeFile: string, ranges: readonly LineRange[] | undefined): string[] {
  if (ranges === undefined) return [relativeFile];
  return ranges.map((r) => `${relativeFile}:${r.from}-${r.to}`);
}
