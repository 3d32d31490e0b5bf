import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchLines, myersPairs, splitLines } from '../../../../src/core/mutation/remap/lineDiff';

describe('splitLines', () => {
  it('splits on LF, CRLF and CR', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual(['']);
    expect(splitLines('x\n')).toEqual(['x', '']);
  });
});

describe('matchLines', () => {
  it('maps every line of identical texts to itself', () => {
    expect([...matchLines(['a', 'b', 'c'], ['a', 'b', 'c']).oldToNew]).toEqual([0, 1, 2]);
  });

  it('shifts lines below an insertion', () => {
    expect([...matchLines(['a', 'b', 'c'], ['a', 'x', 'y', 'b', 'c']).oldToNew]).toEqual([0, 3, 4]);
  });

  it('marks a changed line -1 and keeps its neighbours', () => {
    expect([...matchLines(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'd']).oldToNew]).toEqual([0, -1, 2, 3]);
  });

  it('handles deletions at the start and the end', () => {
    expect([...matchLines(['x', 'a', 'b', 'y'], ['a', 'b']).oldToNew]).toEqual([-1, 0, 1, -1]);
  });

  it('finds moved-around common lines in the middle', () => {
    expect([...matchLines(['s', 'a', 'b', 'c', 'e'], ['s', 'b', 'c', 'a', 'e']).oldToNew]).toEqual([0, -1, 1, 2, 4]);
  });

  it('gives up on the middle beyond maxEdits', () => {
    expect([...matchLines(['s', 'a', 'b', 'c', 'e'], ['s', 'x', 'b', 'y', 'e'], 1).oldToNew]).toEqual([0, -1, -1, -1, 4]);
    expect([...matchLines(['s', 'a', 'b', 'c', 'e'], ['s', 'x', 'b', 'y', 'e'], 4).oldToNew]).toEqual([0, -1, 2, -1, 4]);
  });

  it('maps to increasing new lines with equal text (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const { oldToNew } = matchLines(before, after);
        let last = -1;
        oldToNew.forEach((target, index) => {
          if (target < 0) return;
          expect(after[target]).toBe(before[index]);
          expect(target).toBeGreaterThan(last);
          last = target;
        });
      }),
      { numRuns: 500 },
    );
  });

  it('matches as many lines as a longest common subsequence (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 14 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const matched = [...matchLines(before, after).oldToNew].filter((target) => target >= 0).length;
        expect(matched).toBe(lcsLength(before, after));
      }),
      { numRuns: 500 },
    );
  });
});

describe('myersPairs', () => {
  it('is empty for an empty side', () => {
    expect(myersPairs([], ['a'], 10)).toEqual([]);
    expect(myersPairs(['a'], [], 10)).toEqual([]);
  });

  it('pairs equal lines in order', () => {
    expect(myersPairs(['a', 'b', 'c'], ['b', 'c', 'd'], 10)).toEqual([[1, 0], [2, 1]]);
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (table[i - 1] as number[])[j - 1]! + 1 : Math.max((table[i - 1] as number[])[j]!, row[j - 1]!);
    }
  }
  return (table[a.length] as number[])[b.length]!;
}
