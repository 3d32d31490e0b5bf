import { describe, expect, it } from 'vitest';
import { SlicedQueue } from '../../../src/core/shared/slicedQueue';

/** A clock that advances 1 ms per reading, and a log of slices (items done between yields). */
function harness(sliceMs: number): { queue: SlicedQueue<string>; slices: string[][]; yields: Array<() => void>; ended: string[][] } {
  let time = 0;
  const slices: string[][] = [[]];
  const yields: Array<() => void> = [];
  /** What each slice had done when its end was announced. */
  const ended: string[][] = [];
  const queue = new SlicedQueue<string>((item) => slices[slices.length - 1]?.push(item), {
    sliceMs,
    now: () => time++,
    afterSlice: () => ended.push([...(slices[slices.length - 1] ?? [])]),
    yieldThread: () =>
      new Promise<void>((resolve) => {
        slices.push([]);
        yields.push(resolve);
      }),
  });
  return { queue, slices, yields, ended };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('SlicedQueue', () => {
  it('does the first slice at once and the rest after giving the thread back', async () => {
    const { queue, slices, yields, ended } = harness(2);
    const done = queue.add(['a', 'b', 'c', 'd', 'e']);
    expect(ended).toEqual([['a', 'b']]);
    // Readings: end = 0 + 2; after a: 1, after b: 2 (>= 2, stop).
    expect(slices).toEqual([['a', 'b'], []]);
    yields.shift()?.();
    await until(() => yields.length === 1);
    expect(slices).toEqual([['a', 'b'], ['c', 'd'], []]);
    yields.shift()?.();
    await done;
    expect(slices).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(ended).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('does an item added while it waits once, and resolves every caller when empty', async () => {
    const { queue, slices, yields } = harness(1);
    const first = queue.add(['a', 'b']);
    const second = queue.add(['b', 'c']);
    expect(second).toBe(first);
    for (;;) {
      await until(() => yields.length === 1 || slices.flat().length === 3);
      if (slices.flat().length === 3) break;
      yields.shift()?.();
    }
    await first;
    expect(slices.flat()).toEqual(['a', 'b', 'c']);
  });

  it('does a small set in one go and starts again for the next', async () => {
    const { queue, slices, ended } = harness(100);
    await queue.add(['a']);
    await queue.add(['b']);
    expect(slices).toEqual([['a', 'b']]);
    expect(ended).toEqual([['a'], ['a', 'b']]);
  });

  it('needs no hook at the end of a slice', async () => {
    const done: string[] = [];
    await new SlicedQueue<string>((item) => done.push(item), { sliceMs: 100 }).add(['a', 'b']);
    expect(done).toEqual(['a', 'b']);
  });

  it('drops what is left when disposed', async () => {
    const { queue, slices, yields } = harness(1);
    const done = queue.add(['a', 'b', 'c']);
    queue.dispose();
    yields.shift()?.();
    await done;
    expect(slices.flat()).toEqual(['a']);
    await queue.add(['d']);
    expect(slices.flat()).toEqual(['a']);
  });
});
