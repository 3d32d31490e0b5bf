import { describe, expect, it } from 'vitest';
import { lineRanges, mutateSpecs, rangesAround } from '../../../src/core/rerun/ranges';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('lineRanges', () => {
  it('merges consecutive 0-based lines into 1-based inclusive ranges', () => {
    expect(lineRanges([4, 0, 1, 2, 9, 5, 2])).toEqual([
      { from: 1, to: 3 },
      { from: 5, to: 6 },
      { from: 10, to: 10 },
    ]);
  });
  it('drops impossible lines', () => {
    expect(lineRanges([-1, 1.5, 3])).toEqual([{ from: 4, to: 4 }]);
    expect(lineRanges([])).toEqual([]);
  });
});

describe('rangesAround', () => {
  it('takes every line a range touches', () => {
    expect(rangesAround([r(2, 4, 2, 9), r(6, 0, 8, 1)])).toEqual([
      { from: 3, to: 3 },
      { from: 7, to: 9 },
    ]);
  });
  it('does not take the line a range ends on at column 0', () => {
    expect(rangesAround([r(2, 0, 4, 0)])).toEqual([{ from: 3, to: 4 }]);
  });
  it('keeps an empty range on its line', () => {
    expect(rangesAround([r(5, 0, 5, 0)])).toEqual([{ from: 6, to: 6 }]);
  });
});

describe('mutateSpecs', () => {
  it('is the file alone without ranges', () => {
    expect(mutateSpecs('src/a.ts', undefined)).toEqual(['src/a.ts']);
  });
  it('is one file:from-to per range', () => {
    expect(mutateSpecs('src/a.ts', [{ from: 1, to: 3 }, { from: 7, to: 7 }])).toEqual(['src/a.ts:1-3', 'src/a.ts:7-7']);
  });
});
