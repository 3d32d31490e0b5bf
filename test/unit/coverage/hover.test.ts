import { describe, expect, it } from 'vitest';
import type { LcovFile } from '../../../src/core/coverage/lcov';
import { branchesOn, coverageHoverLines, hitsOn, indexOf, patchCoverageText } from '../../../src/core/coverage/hover';

const FILE: LcovFile = {
  path: 'src/a.ts',
  lines: Uint32Array.from([1, 4, 7]),
  hits: Float64Array.from([3, 0, 12]),
  branchLines: Uint32Array.from([4, 7]),
  branchesTaken: Uint32Array.from([0, 1]),
  branchesTotal: Uint32Array.from([2, 2]),
  functions: [],
};

describe('coverageHoverLines', () => {
  it('explains an uncovered changed line with its hits and untaken branches', () => {
    expect(coverageHoverLines({ kind: 'uncovered', line: 4, coverage: FILE, coverageMayBeOld: false, base: 'main' })).toEqual([
      'Changed against main and never ran in a test.',
      'Hits: 0',
      'Branches taken: 0 of 2 (2 never taken)',
    ]);
  });

  it('explains a partial line, a covered line and an unchanged uncovered line', () => {
    expect(coverageHoverLines({ kind: 'partial', line: 7, coverage: FILE, coverageMayBeOld: false, base: undefined })).toEqual([
      'Changed; it ran, but not every branch on it did.',
      'Hits: 12',
      'Branches taken: 1 of 2 (1 never taken)',
    ]);
    expect(coverageHoverLines({ kind: 'covered', line: 1, coverage: FILE, coverageMayBeOld: false, base: 'dev' })).toEqual(['Changed against dev and ran in a test.', 'Hits: 3']);
    expect(coverageHoverLines({ kind: 'unchanged', line: 4, coverage: undefined, coverageMayBeOld: false, base: 'dev' })).toEqual(['Never ran in a test.']);
  });

  it('says last why changed lines are off (Restricted Mode)', () => {
    expect(coverageHoverLines({ kind: 'unchanged', line: 4, coverage: FILE, coverageMayBeOld: true, base: undefined, changedLinesOff: 'Changed lines are off.' })).toEqual([
      'Never ran in a test.',
      'Hits: 0',
      'Branches taken: 0 of 2 (2 never taken)',
      'The file changed after the coverage report was written: coverage may be out of date.',
      'Changed lines are off.',
    ]);
  });

  it('says when the coverage may be out of date', () => {
    expect(coverageHoverLines({ kind: 'covered', line: 2, coverage: FILE, coverageMayBeOld: true, base: undefined })).toEqual([
      'Changed and ran in a test.',
      'The file changed after the coverage report was written: coverage may be out of date.',
    ]);
  });

  it('shows all branches taken without a count of untaken ones', () => {
    const all: LcovFile = { ...FILE, branchesTaken: Uint32Array.from([2, 2]) };
    expect(coverageHoverLines({ kind: 'covered', line: 4, coverage: all, coverageMayBeOld: false, base: undefined })).toEqual(['Changed and ran in a test.', 'Hits: 0', 'Branches taken: 2 of 2']);
  });
});

describe('lookups', () => {
  it('finds hits and branches by line, or nothing', () => {
    expect([0, 1, 4, 7, 8].map((line) => hitsOn(FILE, line))).toEqual([undefined, 3, 0, 12, undefined]);
    expect(hitsOn(undefined, 1)).toBeUndefined();
    expect(branchesOn(FILE, 7)).toEqual({ taken: 1, total: 2 });
    expect(branchesOn(FILE, 1)).toBeUndefined();
    expect(branchesOn(undefined, 7)).toBeUndefined();
  });

  it('binary-searches ascending arrays', () => {
    const sorted = [2, 5, 9, 14, 20];
    expect(sorted.map((value) => indexOf(sorted, value))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 3, 10, 21].map((value) => indexOf(sorted, value))).toEqual([-1, -1, -1, -1]);
    expect(indexOf([], 1)).toBe(-1);
    expect(indexOf([7], 7)).toBe(0);
  });
});

describe('patchCoverageText', () => {
  it('gives covered of total with a rounded-down percentage', () => {
    expect(patchCoverageText(12, 15)).toBe('Δ 12/15 lines covered (80%)');
    expect(patchCoverageText(3, 10)).toBe('Δ 3/10 lines covered (30%)');
    expect(patchCoverageText(2, 3)).toBe('Δ 2/3 lines covered (66%)');
    expect(patchCoverageText(0, 0)).toBe('Δ no changed code lines');
  });
});
