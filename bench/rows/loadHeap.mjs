// Issue 15: peak extra heap of a load and retained heap of the loaded model, against the report
// file's size, on the extension host's thread. As rows/heap.mjs: a child process with
// --expose-gc --trace-gc, one gc() just before the load and one just after (the model held);
// V8 prints every collection of every isolate, prefixed with the isolate's address, so the main
// thread's lines are told from the worker's. Main thread: peak = the largest "before" size of its
// collections between the two gc() calls, minus the heap after the first; retained = the heap
// after the second minus after the first. The worker has a heap of its own: its peak (the
// largest size it logs) is reported in the note, not added to the main thread's. The model's
// typed arrays (packedFiles.ts) lie outside V8's heap: V8's external memory after the second gc()
// minus after the first gives them, in the note and in the retained check.
import { median } from '../measure.mjs';
import { runLoaderJob } from './loaderJob.mjs';

const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Minor Mark-Sweep)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB.*?(testing)?;/;

/** The collections V8 logged, grouped by isolate, in the order each isolate logged them. */
export function collectionsByIsolate(stdout) {
  const byIsolate = new Map();
  for (const line of stdout.split('\n')) {
    const match = GC_LINE.exec(line);
    if (match === null) continue;
    const list = byIsolate.get(match[1]) ?? [];
    list.push({ before: Number(match[2]), after: Number(match[4]), explicit: match[6] !== undefined });
    byIsolate.set(match[1], list);
  }
  return byIsolate;
}

/** Main thread: extra and retained MB between its last two explicit gc() calls; other isolates: their largest logged heap. */
export function heapFigures(stdout) {
  const byIsolate = collectionsByIsolate(stdout);
  const main = [...byIsolate].find(([, gcs]) => gcs.some((gc) => gc.explicit));
  if (main === undefined) throw new Error('no explicit gc() in the trace');
  const gcs = main[1];
  const runs = [];
  gcs.forEach((gc, index) => {
    if (!gc.explicit) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end === index - 1) last.end = index;
    else runs.push({ start: index, end: index });
  });
  if (runs.length < 2) throw new Error(`expected two explicit gc() calls on the main thread, found ${runs.length}`);
  const before = runs[runs.length - 2];
  const after = runs[runs.length - 1];
  const base = gcs[before.end].after;
  const peak = Math.max(...gcs.slice(before.end + 1, after.start + 1).map((gc) => gc.before));
  const workers = [...byIsolate].filter(([isolate]) => isolate !== main[0]).map(([, list]) => Math.max(...list.map((gc) => Math.max(gc.before, gc.after))));
  return { extra: peak - base, retained: gcs[after.end].after - base, collections: after.start - before.end - 1, workerPeak: workers.length === 0 ? 0 : Math.max(...workers), workerIsolates: workers.length };
}

export async function loadHeapRow(context) {
  const { data, reps } = context;
  const sizeMB = data.report.bytes / 1024 / 1024;
  const measure = (mode) => {
    const { result, stdout } = runLoaderJob(context, mode, {}, ['--expose-gc', '--trace-gc']);
    return { ...heapFigures(stdout), arrayBuffers: result.arrayBuffersMB ?? 0 };
  };
  const loader = [];
  const inThread = [];
  for (let i = 0; i < reps; i++) {
    loader.push(measure('heap:loader'));
    inThread.push(measure('heap:inthread'));
  }
  const extra = median(loader.map((run) => run.extra));
  const retained = median(loader.map((run) => run.retained));
  const workerPeak = median(loader.map((run) => run.workerPeak));
  const arrayBuffers = median(loader.map((run) => run.arrayBuffers));
  const baseExtra = median(inThread.map((run) => run.extra));
  const baseRetained = median(inThread.map((run) => run.retained));
  const ratio = extra / sizeMB;
  const retainedRatio = retained / sizeMB;
  return {
    id: 'loadHeap',
    row: 'peak extra heap of a load / retained heap of the loaded model (extension-host thread)',
    subject: `${extra.toFixed(0)} MB / ${retained.toFixed(0)} MB (${ratio.toFixed(2)}× / ${retainedRatio.toFixed(2)}×)`,
    baseline: `${sizeMB.toFixed(1)} MB (file size)`,
    ratio,
    floor: '≤ 2.5× / ≤ 1.0× (moonshot ≤ 1.5× / ≤ 0.5×)',
    // The retained floor counts the model's memory outside V8's heap too (its typed arrays): the same memory, held elsewhere.
    ok: ratio <= 2.5 && retainedRatio <= 1.0 && (retained + arrayBuffers) / sizeMB <= 1.0,
    note:
      `main thread of a child process with --expose-gc --trace-gc (its collections told from the worker's by isolate address), ReportLoader.load() and the model put in a ReportStore; median of ${reps}; ` +
      `the worker thread has a heap of its own, not counted above: its largest used heap V8 logs at any of its collections is ${workerPeak.toFixed(0)} MB (${(workerPeak / sizeMB).toFixed(2)}× file size; sampled at collections only, so a lower bound of its peak); ` +
      `the model keeps its coveredBy/killedBy lists as typed arrays (packedFiles.ts), whose ${arrayBuffers.toFixed(1)} MB lie outside V8's heap (V8's external memory) and are not in the figures above; the retained floor is checked with them too: ${(retained + arrayBuffers).toFixed(0)} MB, ${((retained + arrayBuffers) / sizeMB).toFixed(2)}×; ` +
      `today's in-thread loadReport on the same thread: ${baseExtra.toFixed(0)} MB peak (${(baseExtra / sizeMB).toFixed(2)}×), ${baseRetained.toFixed(0)} MB retained (${(baseRetained / sizeMB).toFixed(2)}×)`,
    values: { extraMB: extra, retainedMB: retained, arrayBuffersMB: arrayBuffers, workerPeakMB: workerPeak, sizeMB, inThreadExtraMB: baseExtra, inThreadRetainedMB: baseRetained, samples: loader, inThreadSamples: inThread },
  };
}
