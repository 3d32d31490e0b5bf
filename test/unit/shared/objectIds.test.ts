import { describe, expect, it } from 'vitest';
import { ObjectIds } from '../../../src/core/shared/objectIds';

describe('ObjectIds', () => {
  it('numbers objects from 1 in the order first seen, and names the same object with the same number', () => {
    const ids = new ObjectIds();
    const a = { x: 1 };
    const b = { x: 1 };
    const c: unknown[] = [];
    expect([ids.of(a), ids.of(b), ids.of(a), ids.of(c), ids.of(b), ids.of(c)]).toEqual([1, 2, 1, 3, 2, 3]);
  });

  it('gives an equal but different object a new number', () => {
    const ids = new ObjectIds();
    const first = { path: '/w/a.ts', mutants: [] };
    expect(ids.of(first)).toBe(1);
    expect(ids.of({ ...first })).toBe(2);
    expect(ids.of(first)).toBe(1);
  });

  it('keeps separate counts per instance', () => {
    const one = new ObjectIds();
    const two = new ObjectIds();
    const shared = {};
    one.of({});
    expect([one.of(shared), two.of(shared)]).toEqual([2, 1]);
  });
});
