import { describe, expect, it } from 'vitest';
import { boundMarks, leftOutMessage, MAX_MARKS_PER_FILE } from '../../../src/core/shared/marks';

describe('boundMarks', () => {
  it('drops lines past the end of the document and keeps at most the limit, counting both', () => {
    expect(boundMarks([0, 1, 2, 5, -1, 3, 4], (line) => line, 5, 3)).toEqual({ kept: [0, 1, 2], pastEnd: 2, overLimit: 2 });
    expect(boundMarks([4, 0], (line) => line, 5, 2)).toEqual({ kept: [4, 0], pastEnd: 0, overLimit: 0 });
  });

  it(`keeps ${MAX_MARKS_PER_FILE} marks of 10^7 zero-hit lines of a 2-line file: none, all past the end`, () => {
    const lines = Array.from({ length: 10_000_000 }, (_, i) => i);
    const bounded = boundMarks(lines, (line) => line, 2);
    expect([bounded.kept, bounded.pastEnd, bounded.overLimit]).toEqual([[0, 1], 9_999_998, 0]);
  });

  it(`keeps the first ${MAX_MARKS_PER_FILE.toLocaleString('en-US')} of 10^6 marks on one line`, () => {
    const bounded = boundMarks(new Array<number>(1_000_000).fill(0), (line) => line, 1);
    expect([bounded.kept.length, bounded.pastEnd, bounded.overLimit]).toEqual([10_000, 0, 990_000]);
  });
});

describe('leftOutMessage', () => {
  it('says how many were left out and why, in one line, or nothing', () => {
    expect(leftOutMessage('coverage marks', '/ws/a.ts', { pastEnd: 9_999_998, overLimit: 0 })).toBe('/ws/a.ts: 9,999,998 coverage marks left out (9,999,998 past the end of the document)');
    expect(leftOutMessage('mutants', '/ws/a.ts', { pastEnd: 0, overLimit: 990_000 })).toBe('/ws/a.ts: 990,000 mutants left out (990,000 over the limit of 10,000 per file)');
    expect(leftOutMessage('coverage marks', '/ws/a.ts', { pastEnd: 1, overLimit: 2 })).toBe('/ws/a.ts: 3 coverage marks left out (1 past the end of the document, 2 over the limit of 10,000 per file)');
    expect(leftOutMessage('mutants', '/ws/a.ts', { pastEnd: 0, overLimit: 0 })).toBeUndefined();
  });
});
