// Run by the issue-15 rows (stall, markersReady, rerunApply, loadHeap) as
// `node [--expose-gc --trace-gc] loaderChild.mjs <job.json>`: one measure of one way of loading
// the 100k-mutant report, in a fresh process (its own heap, its own cold code, no other row's
// objects alive). Prints one line `RESULT <json>`. The main thread here is the thread that would be
// the extension host: what a load costs it is what it pays between the loader's callbacks and
// while applying the result to a ReportStore as ReportService does.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const core = createRequire(import.meta.url)(job.coreFile);
const candidate = core.classifyReport(job.reportPath);
const env = { workspaceFolders: [job.projectDir], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: 2 ** 31 };
const store = new core.ReportStore();

/** The loader as ReportService drives it (src/mutation/reports.ts): one per extension host, made at activation. */
function makeLoader() {
  if (core.ReportLoader === undefined) throw new Error('this build has no ReportLoader (src/core/mutation/load/reportLoader.ts)');
  return new core.ReportLoader({ workerFile: job.workerFile, log: () => undefined });
}

function request(previous) {
  return {
    candidate,
    workspaceFolders: env.workspaceFolders,
    maxBytes: env.maxBytes,
    priority: job.priority === undefined ? [] : [job.priority],
    ...(previous === undefined ? {} : { previous }),
  };
}

async function loadWithLoader(loader, previous, onPartial) {
  const result = await loader.load(request(previous), { findFilesNamed: env.findFilesNamed, ...(onPartial === undefined ? {} : { onPartial }) });
  if (!result.ok) throw new Error(`the loader did not load the report: ${result.error.message}`);
  store.setLoaded(candidate, result.value);
  return result.value;
}

async function loadInThread() {
  const result = await core.loadReport(candidate, env);
  if (!result.ok) throw new Error(`loadReport did not load the report: ${result.error.message}`);
  store.setLoaded(candidate, result.value);
  return result.value;
}

function mutantCount(report) {
  let count = 0;
  for (const file of report.files.values()) count += file.mutants.length;
  return count;
}

/** The worst lateness of a 1 ms interval on this thread while `work` runs (and 30 ms after it, for what it leaves behind). */
async function worstLateness(work) {
  let last = performance.now();
  let worst = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
    ticks++;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  worst = 0;
  const started = performance.now();
  const value = await work();
  const took = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 30));
  clearInterval(timer);
  return { worst: Math.max(worst, performance.now() - last - 1), took, ticks, value };
}

const jobs = {
  /** Row stall: the loader, from load() to the model in the store. */
  async 'stall:loader'() {
    const loader = makeLoader();
    try {
      const run = await worstLateness(() => loadWithLoader(loader));
      return { worstMs: run.worst, loadMs: run.took, ticks: run.ticks, mutants: mutantCount(run.value), files: run.value.files.size };
    } finally {
      loader.dispose();
    }
  },
  /** Row stall's baseline: today's loadReport on this thread. */
  async 'stall:inthread'() {
    const run = await worstLateness(() => loadInThread());
    return { worstMs: run.worst, loadMs: run.took, ticks: run.ticks, mutants: mutantCount(run.value), files: run.value.files.size };
  },
  /** Row stall's control: the same meter over 3 s of doing nothing, for the machine's own scheduling delays. */
  async 'stall:idle'() {
    const run = await worstLateness(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    return { worstMs: run.worst, ticks: run.ticks };
  },
  /** Row markersReady: from load() to the first partial model holding the priority file. */
  async 'ready:loader'() {
    const loader = makeLoader();
    try {
      const started = performance.now();
      let readyMs;
      let partialMutants;
      let partials = 0;
      const report = await loadWithLoader(loader, undefined, (partial) => {
        partials++;
        const file = partial.files.get(job.priority);
        if (readyMs === undefined && file !== undefined) {
          readyMs = performance.now() - started;
          partialMutants = file.mutants.length;
        }
      });
      const fullMs = performance.now() - started;
      const fullMutants = report.files.get(job.priority)?.mutants.length;
      return { readyMs: readyMs ?? fullMs, fromPartial: readyMs !== undefined, fullMs, partials, partialMutants, fullMutants };
    } finally {
      loader.dispose();
    }
  },
  /** Row markersReady's baseline: a bare JSON.parse(readFileSync()) of the whole report. */
  async 'ready:parse'() {
    const started = performance.now();
    const parsed = JSON.parse(readFileSync(job.reportPath, 'utf8'));
    return { parseMs: performance.now() - started, files: Object.keys(parsed.files).length };
  },
  /** Row rerunApply: this thread's busy time for a reload with `previous` after one file's mutants changed. */
  async 'apply:loader'() {
    const loader = makeLoader();
    try {
      const first = await loadWithLoader(loader);
      copyFileSync(job.nextReportPath, job.reportPath);
      return { ...(await busy(() => loadWithLoader(loader, first))), ...identity(first, store.get(candidate.path).report), stats: { ...loader.stats } };
    } finally {
      loader.dispose();
    }
  },
  /** Row rerunApply's baseline: today's whole in-thread loadReport of the rewritten report. */
  async 'apply:inthread'() {
    const first = await loadInThread();
    copyFileSync(job.nextReportPath, job.reportPath);
    return { ...(await busy(() => loadInThread())), ...identity(first, store.get(candidate.path).report) };
  },
  /** Row loadHeap (run with --expose-gc --trace-gc): one gc() before the load and one after, the model held. */
  // arrayBuffersMB: the memory outside V8's heap the loaded model holds (the typed arrays the loader keeps; V8's external memory, which counts buffers transferred from the worker), which --trace-gc does not count.
  async 'heap:loader'() {
    const loader = makeLoader();
    globalThis.gc();
    const buffersBefore = v8.getHeapStatistics().external_memory;
    const report = await loadWithLoader(loader);
    globalThis.gc();
    const arrayBuffersMB = (v8.getHeapStatistics().external_memory - buffersBefore) / 1048576;
    const files = report.files.size;
    loader.dispose();
    return { files, arrayBuffersMB };
  },
  async 'heap:inthread'() {
    // Warm the code paths (ajv compiles its validator on first use) on a tiny report first, as heapChild.mjs does.
    core.parseReportText(JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: {} }), 'json');
    globalThis.gc();
    const buffersBefore = v8.getHeapStatistics().external_memory;
    const report = await loadInThread();
    globalThis.gc();
    return { files: report.files.size, arrayBuffersMB: (v8.getHeapStatistics().external_memory - buffersBefore) / 1048576 };
  },
};

/**
 * Main-thread busy time of `work`: event-loop utilisation is per thread, so the worker's time is
 * not in it. A rerun's report lands long after the first load: the garbage that load left is
 * collected first (gc() and a pause for V8's concurrent sweeper), so that its cost is not charged to the reload.
 */
async function busy(work) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 250));
  const elu = performance.eventLoopUtilization();
  const cpu = mainThreadCpuMs();
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  const used = performance.eventLoopUtilization(elu);
  return { busyMs: used.active, cpuMs: mainThreadCpuMs() - cpu, wallMs: wall };
}

/** CPU time this process's main thread has run, in ms (Linux: the first field of its schedstat, in ns; the worker threads are other tasks). */
function mainThreadCpuMs() {
  return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/** Which of the second report's files are not the first's very objects, and the status counts of the first of those. */
function identity(first, second) {
  const changedFiles = [];
  let sameObjects = 0;
  for (const [path, file] of second.files) {
    if (first.files.get(path) === file) sameObjects++;
    else changedFiles.push(path);
  }
  const statuses = {};
  for (const mutant of second.files.get(job.priority)?.mutants ?? []) statuses[mutant.status] = (statuses[mutant.status] ?? 0) + 1;
  return { sameObjects, changedCount: changedFiles.length, changedFiles: changedFiles.slice(0, 5), files: second.files.size, mutants: mutantCount(second), statuses };
}

const run = jobs[job.mode];
if (run === undefined) throw new Error(`unknown mode ${job.mode}`);
const result = await run();
process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
process.exit(0);
