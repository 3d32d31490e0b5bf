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
  const explicit = gcs.flatMap((gc, index) => (gc.explicit ? [index] : []));
  if (explicit.length < 2) throw new Error(`heap child (${mode}): expected two explicit GCs in the trace, found ${explicit.length}`);
  const first = explicit[explicit.length - 2];
  const last = explicit[explicit.length - 1];
  const base = gcs[first].after;
  const peak = Math.max(...gcs.slice(first + 1, last + 1).map((gc) => gc.before));
  return { extra: peak - base, retained: gcs[last].after - base, collections: last - first };
}

export async function heapRow({ build, data, reps }) {
  const sizeMB = data.report.bytes / 1024 / 1024;
  const load = [];
  const parse = [];
  for (let i = 0; i < reps; i++) {
    load.push(peakExtraMB(build.file, data.report.path, 'load'));
    parse.push(peakExtraMB(build.file, data.report.path, 'parse'));
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
