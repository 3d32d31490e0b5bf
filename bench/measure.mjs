// Timing helpers. Baseline and subject runs are interleaved (their order alternating each
// round) so that both see the same machine load; each run starts after a full GC.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full garbage collection (the flag set at run time exposes `gc` to new contexts). */
export const collectGarbage = runInNewContext('gc');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeOnce(fn) {
  collectGarbage();
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Runs `warmup` untimed rounds, then `reps` timed rounds of both functions, interleaved.
 * Returns every sample and the medians in milliseconds.
 */
export async function compare({ subject, baseline, reps = 5, warmup = 1 }) {
  for (let i = 0; i < warmup; i++) {
    await baseline();
    await subject();
  }
  const subjectMs = [];
  const baselineMs = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      baselineMs.push(await timeOnce(baseline));
      subjectMs.push(await timeOnce(subject));
    } else {
      subjectMs.push(await timeOnce(subject));
      baselineMs.push(await timeOnce(baseline));
    }
  }
  return { subject: median(subjectMs), baseline: median(baselineMs), subjectMs, baselineMs };
}
