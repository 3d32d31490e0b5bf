import { describe, expect, it } from 'vitest';
import { HALF_WRITTEN_RETRY, pause, readWhileHalfWritten } from '../../../src/core/shared/halfWritten';

/** A read that returns the given results in turn (the last one from then on), and the waits asked for. */
function reads(...results: string[]): { read: () => Promise<string>; count: () => number; waits: number[]; wait: (ms: number) => Promise<void> } {
  let count = 0;
  const waits: number[] = [];
  return {
    read: () => Promise.resolve(results[Math.min(count++, results.length - 1)] as string),
    count: () => count,
    waits,
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

const half = (result: string): boolean => result === 'half';

describe('readWhileHalfWritten', () => {
  it('reads once when the first read is whole', async () => {
    const r = reads('whole');
    expect(await readWhileHalfWritten(r.read, half, { retries: 3, delayMs: 50 }, r.wait)).toBe('whole');
    expect([r.count(), r.waits]).toEqual([1, []]);
  });

  it('reads again, a delay apart, until the file is whole', async () => {
    const r = reads('half', 'half', 'whole', 'half');
    expect(await readWhileHalfWritten(r.read, half, { retries: 3, delayMs: 50 }, r.wait)).toBe('whole');
    expect([r.count(), r.waits]).toEqual([3, [50, 50]]);
  });

  it('gives up after the retries and returns the last read', async () => {
    const r = reads('half');
    expect(await readWhileHalfWritten(r.read, half, { retries: 3, delayMs: 50 }, r.wait)).toBe('half');
    expect([r.count(), r.waits]).toEqual([4, [50, 50, 50]]);
  });

  it('by default reads up to 11 times, 200 ms apart', async () => {
    expect(HALF_WRITTEN_RETRY).toEqual({ retries: 10, delayMs: 200 });
    const r = reads('half');
    expect(await readWhileHalfWritten(r.read, half, undefined, r.wait)).toBe('half');
    expect([r.count(), r.waits]).toEqual([11, Array(10).fill(200)]);
  });

  it('waits for real by default', async () => {
    const started = Date.now();
    await pause(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
