/**
 * The coverage feature's view model: the per-line marks of every file, computed once per change of
 * coverage, changed lines or settings, and read by every surface (decorations, hover, status bar,
 * API). Plain data, 0-based lines.
 */
import type { ChangedLineKind } from './hover';
import type { LcovFile } from './lcovTypes';
import { patchCoverage, type FileChangeCoverage, type PatchCoverage } from './uncoveredChanged';

export type LineMarkKind = ChangedLineKind;

/** A file's marks: 0-based lines, ascending; the four lists are disjoint. */
export interface LineMarks {
  /** Changed and never ran. */
  readonly uncovered: readonly number[];
  /** Changed, ran, and a branch on it never ran. */
  readonly partial: readonly number[];
  /** Changed and ran with every branch. */
  readonly covered: readonly number[];
  /** Not changed (or the file did not change) and never ran. */
  readonly unchanged: readonly number[];
}

/** Which of the optional kinds the editor shows (`mutantLens.coverage.showCoveredChangedLines`, `…showAllUncoveredLines`). */
export interface MarkOptions {
  readonly showCovered: boolean;
  readonly showUnchanged: boolean;
}

export const NO_MARKS: LineMarks = Object.freeze({ uncovered: [], partial: [], covered: [], unchanged: [] });

/**
 * Every mark of one file, from its changed-line coverage (if it changed) and its lcov coverage (if
 * lcov knows it). `withUnchanged`: list the unchanged lines that never ran too (only when they are
 * shown: an lcov file can name millions of them).
 */
export function lineMarks(changed: FileChangeCoverage | undefined, coverage: LcovFile | undefined, withUnchanged = true): LineMarks {
  // Stryker disable next-line ConditionalExpression: a file not in coverage has no uncovered, partial or covered lines to take
  const measured = changed?.kind === 'measured' ? changed : undefined;
  const uncovered = measured?.uncovered ?? [];
  const skip = new Set(uncovered);
  const unchanged: number[] = [];
  if (coverage !== undefined && withUnchanged) for (const [index, line] of coverage.lines.entries()) if (coverage.hits[index] === 0 && !skip.has(line)) unchanged.push(line);
  return { uncovered, partial: measured?.partial ?? [], covered: measured?.covered ?? [], unchanged };
}

/** The marks the editor shows: covered and unchanged lines only when their setting is on. */
export function shownMarks(marks: LineMarks, options: MarkOptions): LineMarks {
  return { uncovered: marks.uncovered, partial: marks.partial, covered: options.showCovered ? marks.covered : [], unchanged: options.showUnchanged ? marks.unchanged : [] };
}

/** The kind of mark on a 0-based line, if any. */
export function markOn(marks: LineMarks, line: number): LineMarkKind | undefined {
  if (marks.uncovered.includes(line)) return 'uncovered';
  if (marks.partial.includes(line)) return 'partial';
  if (marks.covered.includes(line)) return 'covered';
  return marks.unchanged.includes(line) ? 'unchanged' : undefined;
}

export interface CoverageViewInput {
  /** Changed files with their lines split by coverage (core/coverage/uncoveredChanged). */
  readonly files: readonly FileChangeCoverage[];
  /** Coverage by absolute path, moved through the edits saved since it was measured. */
  readonly coverage: ReadonlyMap<string, LcovFile>;
  readonly options: MarkOptions;
}

/** One snapshot of the coverage view model; a new one is made whenever an input changes. Files' marks are computed on first use. */
export class CoverageView {
  private readonly byFile: ReadonlyMap<string, FileChangeCoverage>;
  private readonly marks = new Map<string, LineMarks>();
  /** Patch coverage of the whole workspace. */
  readonly totals: PatchCoverage;

  constructor(private readonly input: CoverageViewInput) {
    this.byFile = new Map(input.files.map((entry) => [entry.path, entry]));
    this.totals = patchCoverage(input.files);
  }

  /** Every mark of a file, shown or not (unchanged lines only when they are shown). */
  marksOf(file: string): LineMarks {
    let marks = this.marks.get(file);
    if (marks === undefined) this.marks.set(file, (marks = lineMarks(this.byFile.get(file), this.input.coverage.get(file), this.input.options.showUnchanged)));
    return marks;
  }

  /** The marks the editor shows for a file. */
  shownMarksOf(file: string): LineMarks {
    return shownMarks(this.marksOf(file), this.input.options);
  }

  /** The kind of the shown mark on a 0-based line, if any. */
  markAt(file: string, line: number): LineMarkKind | undefined {
    return markOn(this.shownMarksOf(file), line);
  }

  /** The (moved) coverage of a file, if lcov knows it. */
  coverageOf(file: string): LcovFile | undefined {
    return this.input.coverage.get(file);
  }

  /** Patch coverage of one file; undefined when the file did not change or lcov does not know it. */
  fileTotals(file: string): PatchCoverage | undefined {
    const entry = this.byFile.get(file);
    return entry?.kind === 'measured' ? patchCoverage([entry]) : undefined;
  }

  /** Every uncovered changed line: [file, 0-based line], by file path then line. */
  uncoveredEverywhere(): Array<[string, number]> {
    const result: Array<[string, number]> = [];
    for (const entry of this.input.files) if (entry.kind === 'measured') for (const line of entry.uncovered) result.push([entry.path, line]);
    return result;
  }
}
