import { describe, expect, it } from 'vitest';
import type { LcovFile } from '../../../src/core/coverage/lcovTypes';
import { CoverageView, lineMarks, markOn, shownMarks } from '../../../src/core/coverage/lineMarks';
import { coverChangedLines } from '../../../src/core/coverage/uncoveredChanged';

/** Lines 0..9 of /ws/a.ts: hits 0 on 1, 4, 8; a branch never taken on 6. */
const A: LcovFile = {
  path: 'a.ts',
  lines: Uint32Array.from([1, 2, 4, 6, 8]),
  hits: Float64Array.from([0, 5, 0, 3, 0]),
  branchLines: Uint32Array.from([2, 6]),
  branchesTaken: Uint32Array.from([2, 1]),
  branchesTotal: Uint32Array.from([2, 2]),
  functions: [],
};
const B: LcovFile = { ...A, path: 'b.ts', lines: Uint32Array.from([0, 3]), hits: Float64Array.from([0, 1]), branchLines: new Uint32Array(), branchesTaken: new Uint32Array(), branchesTotal: new Uint32Array() };
const COVERAGE = new Map([
  ['/ws/a.ts', A],
  ['/ws/b.ts', B],
]);
const CHANGED = new Map<string, readonly number[] | 'all'>([
  ['/ws/a.ts', [1, 2, 3, 6]],
  ['/ws/c.ts', [0]],
]);
const FILES = coverChangedLines(COVERAGE, CHANGED);
const NO_MARKS = { uncovered: [], partial: [], covered: [], unchanged: [] };
const ALL = { showCovered: true, showUnchanged: true };
const NONE = { showCovered: false, showUnchanged: false };

describe('lineMarks', () => {
  it('splits a changed file: changed lines by coverage, the other never-run lines as unchanged', () => {
    expect(lineMarks(FILES[0], A)).toEqual({ uncovered: [1], partial: [6], covered: [2], unchanged: [4, 8] });
    expect(lineMarks(FILES[0], A, false)).toEqual({ uncovered: [1], partial: [6], covered: [2], unchanged: [] });
  });

  it('marks only never-run lines of a file that did not change, and nothing of a file lcov does not know', () => {
    expect(lineMarks(undefined, B)).toEqual({ uncovered: [], partial: [], covered: [], unchanged: [0] });
    expect(lineMarks(FILES[1], undefined)).toEqual({ uncovered: [], partial: [], covered: [], unchanged: [] });
    expect(lineMarks(undefined, undefined)).toEqual(NO_MARKS);
  });

  it('shows covered and unchanged lines only when asked', () => {
    const marks = lineMarks(FILES[0], A);
    expect(shownMarks(marks, NONE)).toEqual({ uncovered: [1], partial: [6], covered: [], unchanged: [] });
    expect(shownMarks(marks, { showCovered: true, showUnchanged: false })).toEqual({ uncovered: [1], partial: [6], covered: [2], unchanged: [] });
    expect(shownMarks(marks, { showCovered: false, showUnchanged: true })).toEqual({ uncovered: [1], partial: [6], covered: [], unchanged: [4, 8] });
  });

  it('names the mark on a line', () => {
    const marks = lineMarks(FILES[0], A);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((line) => markOn(marks, line))).toEqual([undefined, 'uncovered', 'covered', undefined, 'unchanged', undefined, 'partial', undefined, 'unchanged']);
  });
});

describe('CoverageView', () => {
  it('answers every surface from one snapshot', () => {
    const view = new CoverageView({ files: FILES, coverage: COVERAGE, options: NONE });
    // Unchanged lines that never ran are listed only when they are shown: an lcov file can name millions.
    expect(view.marksOf('/ws/a.ts')).toEqual({ uncovered: [1], partial: [6], covered: [2], unchanged: [] });
    expect(view.marksOf('/ws/a.ts')).toBe(view.marksOf('/ws/a.ts'));
    expect(view.shownMarksOf('/ws/a.ts')).toEqual({ uncovered: [1], partial: [6], covered: [], unchanged: [] });
    expect([1, 2, 4, 6].map((line) => view.markAt('/ws/a.ts', line))).toEqual(['uncovered', undefined, undefined, 'partial']);
    expect(view.coverageOf('/ws/b.ts')).toBe(B);
    expect(view.coverageOf('/ws/c.ts')).toBeUndefined();
    expect(view.totals).toEqual({ covered: 2, total: 3, percent: (2 / 3) * 100, filesNotInCoverage: 1 });
    expect(view.fileTotals('/ws/a.ts')).toEqual({ covered: 2, total: 3, percent: (2 / 3) * 100, filesNotInCoverage: 0 });
    expect(view.fileTotals('/ws/b.ts')).toBeUndefined();
    expect(view.fileTotals('/ws/c.ts')).toBeUndefined();
    expect(view.uncoveredEverywhere()).toEqual([['/ws/a.ts', 1]]);
  });

  it('shows the optional kinds its options name', () => {
    const shown = new CoverageView({ files: FILES, coverage: COVERAGE, options: ALL });
    expect(shown.marksOf('/ws/a.ts')).toEqual({ uncovered: [1], partial: [6], covered: [2], unchanged: [4, 8] });
    expect(shown.shownMarksOf('/ws/b.ts')).toEqual({ uncovered: [], partial: [], covered: [], unchanged: [0] });
    expect([0, 2, 4].map((line) => shown.markAt(line === 0 ? '/ws/b.ts' : '/ws/a.ts', line))).toEqual(['unchanged', 'covered', 'unchanged']);
  });

  it('starts empty', () => {
    const empty = new CoverageView({ files: [], coverage: new Map(), options: ALL });
    expect(empty.marksOf('/ws/a.ts')).toEqual(NO_MARKS);
    expect(empty.totals).toEqual({ covered: 0, total: 0, percent: undefined, filesNotInCoverage: 0 });
    expect(empty.uncoveredEverywhere()).toEqual([]);
  });

  it('lists uncovered changed lines by file path, then line', () => {
    const both = coverChangedLines(COVERAGE, new Map<string, readonly number[] | 'all'>([['/ws/b.ts', 'all'], ['/ws/a.ts', [1, 4, 8]]]));
    expect(new CoverageView({ files: both, coverage: COVERAGE, options: NONE }).uncoveredEverywhere()).toEqual([
      ['/ws/a.ts', 1],
      ['/ws/a.ts', 4],
      ['/ws/a.ts', 8],
      ['/ws/b.ts', 0],
    ]);
  });
});
