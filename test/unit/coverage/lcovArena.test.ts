import { describe, expect, it } from 'vitest';
import { PairArena } from '../../../src/core/coverage/lcovArena';

describe('PairArena', () => {
  it('grows past its first capacity and keeps every pair in order', () => {
    const arena = new PairArena(0);
    for (let i = 0; i < 5000; i++) arena.push(i, i * 1.5);
    arena.addToValue(4999, 1);
    expect([arena.length, arena.keys().length, [...arena.keys()].every((key, i) => key === i), [...arena.values()].every((value, i) => value === i * 1.5 + (i === 4999 ? 1 : 0)), arena.keyAt(2048), arena.valueAt(4096)]).toEqual([
      5000, 5000, true, true, 2048, 6144,
    ]);
  });

  it('keeps line numbers up to 2^32 - 1 and hit counts past 2^32', () => {
    const arena = new PairArena(4);
    arena.push(4294967295, 2 ** 40);
    expect([arena.keyAt(0), arena.valueAt(0)]).toEqual([4294967295, 2 ** 40]);
  });
});
