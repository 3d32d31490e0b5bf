import { describe, expect, it } from 'vitest';
import { pickHoverMutants, rangeContains, survivorsFirst } from '../../../../src/core/mutation/hover/pick';
import { detail, range } from './fixtures';

describe('survivorsFirst', () => {
  it('puts Survived, then NoCoverage, before the rest, keeping order within each', () => {
    const details = [
      detail({ id: 'k', status: 'Killed' }),
      detail({ id: 'n', status: 'NoCoverage' }),
      detail({ id: 's1', status: 'Survived' }),
      detail({ id: 't', status: 'Timeout' }),
      detail({ id: 's2', status: 'Survived' }),
    ];
    expect(survivorsFirst(details).map((d) => d.mutant.id)).toEqual(['s1', 's2', 'n', 'k', 't']);
  });
});

describe('rangeContains', () => {
  it('includes both ends', () => {
    const r = range(1, 4, 2, 3);
    expect(rangeContains(r, { line: 1, character: 4 })).toBe(true);
    expect(rangeContains(r, { line: 2, character: 3 })).toBe(true);
    expect(rangeContains(r, { line: 1, character: 3 })).toBe(false);
    expect(rangeContains(r, { line: 2, character: 4 })).toBe(false);
    expect(rangeContains(r, { line: 1, character: 99 })).toBe(true);
    expect(rangeContains(r, { line: 0, character: 9 })).toBe(false);
  });
});

describe('pickHoverMutants', () => {
  const block = detail({ id: 'block', status: 'Killed', range: range(0, 13, 3, 1) });
  const cond = detail({ id: 'cond', status: 'Killed', range: range(1, 6, 1, 21) });
  const equality = detail({ id: 'eq', status: 'Survived', range: range(1, 6, 1, 21) });
  const literal = detail({ id: 'lit', status: 'NoCoverage', range: range(1, 29, 1, 31) });

  it('gives nothing when the cursor is on no mutant', () => {
    expect(pickHoverMutants([cond, literal], { line: 1, character: 2 })).toBe(undefined);
    expect(pickHoverMutants([], { line: 1, character: 2 })).toBe(undefined);
  });

  it('lists every mutant starting on the line, survivors first, anchored on the smallest under the cursor', () => {
    expect(pickHoverMutants([block, cond, equality, literal], { line: 1, character: 30 })).toEqual({
      mutants: [equality, literal, block, cond],
      range: range(1, 29, 1, 31),
    });
  });

  it('leaves out an enclosing multi-line mutant when the cursor is outside it', () => {
    expect(pickHoverMutants([block, cond], { line: 3, character: 0 })).toEqual({ mutants: [block], range: block.range });
    const after = detail({ id: 'after', range: range(3, 2, 3, 5) });
    expect(pickHoverMutants([block, after], { line: 3, character: 3 })).toEqual({ mutants: [after], range: after.range });
  });

  it('anchors on the first of equally small mutants', () => {
    expect(pickHoverMutants([cond, equality], { line: 1, character: 6 })?.range).toBe(cond.range);
  });
});
