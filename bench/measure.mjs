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

/** Wall time and this process's CPU time (user + system) of one run, in milliseconds. */
async function timeOnce(fn, gcEach) {
  // After a forced GC, wait for the concurrent sweeper too: its CPU time would otherwise be
  // charged to the run that follows (the sweep of the other side's result, for big parses).
  if (gcEach) await settle();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * One full GC, then a pause for V8's concurrent sweeper threads to finish: their CPU time is
 * counted by process.cpuUsage() and they compete with the main thread for the two cores.
 */
async function settle() {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 250));
}

/**
 * Runs `warmup` untimed rounds, then `reps` timed rounds of both functions, interleaved.
 * Returns every wall-time sample and the medians in milliseconds, and the median CPU times:
 * on a loaded machine wall time includes waiting for other processes, CPU time does not.
 * `gcEach: false` (for millisecond-scale work with a big heap alive) collects once before the
 * timed rounds instead of before each run: a full GC of the loaded report leaves concurrent
 * sweeping running into the next few milliseconds. Young-generation collections during a run stay in.
 */
export async function compare({ subject, baseline, reps = 5, warmup = 1, gcEach = true }) {
  for (let i = 0; i < warmup; i++) {
    await baseline();
    await subject();
  }
  if (!gcEach) await settle();
  const subjectRuns = [];
  const baselineRuns = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      baselineRuns.push(await timeOnce(baseline, gcEach));
      subjectRuns.push(await timeOnce(subject, gcEach));
    } else {
      subjectRuns.push(await timeOnce(subject, gcEach));
      baselineRuns.push(await timeOnce(baseline, gcEach));
    }
  }
  const subjectMs = subjectRuns.map((run) => run.wall);
  const baselineMs = baselineRuns.map((run) => run.wall);
  return {
    subject: median(subjectMs),
    baseline: median(baselineMs),
    subjectCpu: median(subjectRuns.map((run) => run.cpu)),
    baselineCpu: median(baselineRuns.map((run) => run.cpu)),
    /** Median of subject ÷ baseline wall times of the runs made side by side. */
    pairedRatio: median(subjectMs.map((value, i) => value / baselineMs[i])),
    subjectMs,
    baselineMs,
  };
}
