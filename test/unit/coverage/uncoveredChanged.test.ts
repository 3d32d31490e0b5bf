import { describe, expect, it } from 'vitest';
import type { ChangedLineSet } from '../../../src/core/git/changedLines';
import { addToIndex, emptyIndex, mergeLcovFiles } from '../../../src/core/coverage/coverageIndex';
import { parseLcov } from '../../../src/core/coverage/lcov';
import { createSfResolver } from '../../../src/core/coverage/resolveSf';
import { coverChangedLines, patchCoverage } from '../../../src/core/coverage/uncoveredChanged';
import { lcovFile } from './lcovHelpers';

// Lines 0..6: 0 not code, 1 ran, 2 never ran, 3 ran with a branch never taken, 4 ran with all branches,
// 5 ran (branches listed but all taken), 6 never ran (with branches).
const A = lcovFile('src/a.ts', {
  lines: [[1, 3], [2, 0], [3, 1], [4, 2], [5, 1], [6, 0]],
  branches: [[3, 1, 2], [4, 2, 2], [6, 0, 2]],
});

describe('coverChangedLines', () => {
  it('splits changed lines into uncovered, partial and covered; lines lcov does not list do not count', () => {
    const result = coverChangedLines(new Map([['/w/a.ts', A]]), new Map([['/w/a.ts', [0, 1, 2, 3, 4, 6, 9]]]));
    expect(result).toEqual([{ kind: 'measured', path: '/w/a.ts', uncovered: [2, 6], partial: [3], covered: [1, 4] }]);
    expect(patchCoverage(result)).toEqual({ covered: 3, total: 5, percent: 60, filesNotInCoverage: 0 });
  });

  it('takes every executable line of an untracked file', () => {
    const result = coverChangedLines(new Map([['/w/a.ts', A]]), new Map([['/w/a.ts', 'all' as const]]));
    expect(result).toEqual([{ kind: 'measured', path: '/w/a.ts', uncovered: [2, 6], partial: [3], covered: [1, 4, 5] }]);
  });

  it('says that a changed file missing from lcov is not in coverage, and leaves it out of the totals', () => {
    const result = coverChangedLines(new Map([['/w/a.ts', A]]), new Map<string, ChangedLineSet>([['/w/z.md', [0, 1]], ['/w/new.ts', 'all'], ['/w/a.ts', [5]]]));
    expect(result).toEqual([
      { kind: 'measured', path: '/w/a.ts', uncovered: [], partial: [], covered: [5] },
      { kind: 'notInCoverage', path: '/w/new.ts', changed: 'all' },
      { kind: 'notInCoverage', path: '/w/z.md', changed: [0, 1] },
    ]);
    expect(patchCoverage(result)).toEqual({ covered: 1, total: 1, percent: 100, filesNotInCoverage: 2 });
  });

  it('has no percentage when no changed line is code', () => {
    const result = coverChangedLines(new Map([['/w/a.ts', A]]), new Map([['/w/a.ts', [0, 7]]]));
    expect(patchCoverage(result)).toEqual({ covered: 0, total: 0, percent: undefined, filesNotInCoverage: 0 });
    expect(patchCoverage([])).toEqual({ covered: 0, total: 0, percent: undefined, filesNotInCoverage: 0 });
  });

  it('counts partial lines as run in the percentage', () => {
    const result = coverChangedLines(new Map([['/w/a.ts', A]]), new Map([['/w/a.ts', [3]]]));
    expect(patchCoverage(result)).toEqual({ covered: 1, total: 1, percent: 100, filesNotInCoverage: 0 });
  });
});

describe('coverage index', () => {
  it('resolves SF paths, merges files that land on one path and keeps what it cannot resolve', () => {
    const lcov = parseLcov('SF:src/a.ts\nDA:1,1\nDA:2,0\nBRDA:2,0,0,1\nBRDA:2,0,1,0\nFN:1,f\nFNDA:1,f\nend_of_record\nSF:/w/src/a.ts\nDA:2,3\nDA:4,0\nBRDA:2,0,0,0\nBRDA:2,0,1,0\nBRDA:2,0,2,1\nBRDA:4,0,0,0\nFN:1,f\nFNDA:2,f\nFN:4,g\nend_of_record\nSF:lost.ts\nDA:1,1\nend_of_record\n');
    const index = emptyIndex();
    const resolve = createSfResolver({ lcovPath: '/w/coverage/lcov.info', workspaceFolders: ['/w'], exists: (p) => p === '/w/src/a.ts' });
    addToIndex(index, lcov.ok ? lcov.value.files : [], resolve);
    expect(index).toEqual({
      byPath: new Map([[
        '/w/src/a.ts',
        lcovFile('src/a.ts', {
          lines: [[0, 1], [1, 3], [3, 0]],
          branches: [[1, 1, 3], [3, 0, 1]],
          functions: [{ name: 'f', line: 0, hits: 3 }, { name: 'g', line: 3, hits: 0 }],
        }),
      ]]),
      unresolved: [{ kind: 'unresolved', sf: 'lost.ts', candidates: [], message: 'Coverage path "lost.ts" matches no file in the workspace' }],
    });
  });

  it('merges files with disjoint lines', () => {
    const a = lcovFile('a', { lines: [[0, 1], [4, 0]], branches: [[4, 0, 2]] });
    const b = lcovFile('b', { lines: [[2, 5]], branches: [[1, 1, 1]] });
    expect(mergeLcovFiles(a, b)).toEqual(lcovFile('a', { lines: [[0, 1], [2, 5], [4, 0]], branches: [[1, 1, 1], [4, 0, 2]] }));
    expect(mergeLcovFiles(b, a)).toEqual(lcovFile('b', { lines: [[0, 1], [2, 5], [4, 0]], branches: [[1, 1, 1], [4, 0, 2]] }));
  });
});
