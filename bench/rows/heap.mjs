// Peak extra heap of a report load, relative to the report file's size. Measured in a child
// process started with --expose-gc --trace-gc: the heap only grows between collections, so its
// peak during the work is the largest "before" size V8 prints for any collection between the
// explicit gc() just before the work and the one just after it (that last one's "before" is the
// heap at the end). Extra = peak − the heap after the first explicit gc(). heapUsed-like object
// sizes only: the Buffer readFile fills lives outside the heap and is not counted.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../build.mjs';
import { median } from '../measure.mjs';

const GC_LINE = /: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Minor Mark-Sweep)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB.*?(testing)?;/;

/** Peak extra heap (MB) of one child run. */
export function peakExtraMB(coreFile, reportPath, mode) {
  const child = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', join(repoRoot, 'bench', 'rows', 'heapChild.mjs'), coreFile, reportPath, mode], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (child.status !== 0) throw new Error(`heap child (${mode}) exited ${child.status}: ${child.stderr.slice(-2000)}`);
  const gcs = child.stdout
    .split('\n')
    .map((line) => GC_LINE.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ before: Number(match[1]), after: Number(match[3]), explicit: match[5] !== undefined }));
  // One gc() can log two "testing" collections (it first finishes marking already under way), so
  // the explicit gc() calls are found as runs of consecutive explicit collections.
  const runs = [];
  gcs.forEach((gc, index) => {
    if (!gc.explicit) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end === index - 1) last.end = index;
    else runs.push({ start: index, end: index });
  });
  if (runs.length < 2) throw new Error(`heap child (${mode}): expected two explicit gc() calls in the trace, found ${runs.length}`);
  const before = runs[runs.length - 2];
  const after = runs[runs.length - 1];
  const base = gcs[before.end].after;
  const peak = Math.max(...gcs.slice(before.end + 1, after.start + 1).map((gc) => gc.before));
  // The work allocates far more than the young generation holds: a trace without a collection
  // between the two gc() calls was not read right, and the run is repeated.
  const valid = after.start - before.end > 1;
  return { valid, extra: peak - base, retained: gcs[after.end].after - base, collections: after.start - before.end - 1 };
}

export async function heapRow({ build, data, reps }) {
  const sizeMB = data.report.bytes / 1024 / 1024;
  const load = [];
  const parse = [];
  const measure = (mode) => {
    for (let attempt = 1; ; attempt++) {
      const run = peakExtraMB(build.file, data.report.path, mode);
      if (run.valid || attempt === 3) return run;
    }
  };
  for (let i = 0; i < reps; i++) {
    load.push(measure('load'));
    parse.push(measure('parse'));
  }
  const extra = median(load.map((run) => run.extra));
  const parseExtra = median(parse.map((run) => run.extra));
  const retained = median(load.map((run) => run.retained));
  const ratio = extra / sizeMB;
  return {
    id: 'heap',
    row: 'peak extra heap of a report load',
    subject: `${extra.toFixed(0)} MB`,
    baseline: `${sizeMB.toFixed(1)} MB (file size)`,
    ratio,
    floor: '≤ 3× file size',
    ok: ratio <= 3,
    note:
      `child process with --expose-gc --trace-gc: peak = largest heap size V8 logs before any GC between an explicit gc() before and after loadReport, minus the heap after the first; ` +
      `median of ${reps}; bare JSON.parse(readFileSync()) peaks at ${(parseExtra / sizeMB).toFixed(2)}× (${parseExtra.toFixed(0)} MB); the loaded model retains ${retained.toFixed(0)} MB (${(retained / sizeMB).toFixed(2)}×)`,
    values: { extraMB: extra, parseExtraMB: parseExtra, retainedMB: retained, sizeMB, samples: load, parseSamples: parse },
  };
}
