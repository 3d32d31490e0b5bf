// npm run bench [-- --quick] [-- --only=load,lcov]: builds the measured core with esbuild, makes
// the seeded inputs, runs each row, prints the table and writes docs/benchmarks.{md,json}.
// --quick skips the slow rerun row (several full Stryker runs). --only runs some rows and
// writes no docs.
import { rmSync } from 'node:fs';
import { buildCore } from './build.mjs';
import { prepareData } from './data.mjs';
import { machine, printTable, writeDocs } from './report.mjs';
import { activationRow, watchesRow } from './rows/activation.mjs';
import { bundleRow } from './rows/bundle.mjs';
import { changedLinesRow } from './rows/changedLines.mjs';
import { gateRow } from './rows/gate.mjs';
import { heapRow } from './rows/heap.mjs';
import { lcovRow } from './rows/lcov.mjs';
import { loadHeapRow } from './rows/loadHeap.mjs';
import { loadRow } from './rows/load.mjs';
import { markersReadyRow } from './rows/markersReady.mjs';
import { perFileRow } from './rows/perFile.mjs';
import { remapRow } from './rows/remap.mjs';
import { rerunApplyRow } from './rows/rerunApply.mjs';
import { rerunRow } from './rows/rerunLoop.mjs';
import { stallRow } from './rows/stall.mjs';

const ROWS = [
  { id: 'load', run: loadRow, reps: 7 },
  { id: 'perFile', run: perFileRow, reps: 31 },
  { id: 'remap', run: remapRow, reps: 31 },
  { id: 'lcov', run: lcovRow, reps: 5 },
  { id: 'changedLines', run: changedLinesRow, reps: 11 },
  { id: 'gate', run: gateRow, reps: 5 },
  { id: 'heap', run: heapRow, reps: 5 },
  // Issue 15: the report loaded off the extension host's thread (each run a fresh child process).
  { id: 'stall', run: stallRow, reps: 5 },
  { id: 'markersReady', run: markersReadyRow, reps: 5 },
  { id: 'rerunApply', run: rerunApplyRow, reps: 5 },
  { id: 'loadHeap', run: loadHeapRow, reps: 3 },
  { id: 'bundle', run: bundleRow, reps: 1 },
  { id: 'rerun', run: rerunRow, reps: 5, slow: true },
  // In a real VS Code (code-server): issue 15's activation and watches rows.
  { id: 'activation', run: activationRow, reps: 3 },
  { id: 'watches', run: watchesRow, reps: 1 },
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = ROWS.filter((row) => (only === undefined ? !(quick && row.slow) : only.includes(row.id)));
const skipped = ROWS.filter((row) => !selected.includes(row)).map((row) => row.id);

const env = machine();
console.log(`[bench] ${env.cpu}, ${env.cores} cores, Node ${env.node}${quick ? ', --quick' : ''}`);
const build = await buildCore();
let data;
try {
  const started = performance.now();
  data = prepareData(build.core);
  console.log(`[bench] inputs made in ${((performance.now() - started) / 1000).toFixed(1)} s: report ${(data.report.bytes / 1048576).toFixed(1)} MB, lcov ${(data.lcov.bytes / 1048576).toFixed(1)} MB`);
  const rows = [];
  for (const row of selected) {
    const rowStarted = performance.now();
    const result = await row.run({ core: build.core, build, data, reps: row.reps });
    console.log(`[bench] ${row.id}: ${result.subject} vs ${result.baseline} (${((performance.now() - rowStarted) / 1000).toFixed(1)} s)`);
    rows.push(result);
  }
  console.log('');
  printTable(rows);
  if (only === undefined) {
    writeDocs(rows, { env, quick, skipped });
    console.log('\n[bench] wrote docs/benchmarks.md and docs/benchmarks.json');
  }
} finally {
  rmSync(build.dir, { recursive: true, force: true });
  if (data !== undefined) rmSync(data.root, { recursive: true, force: true });
}
