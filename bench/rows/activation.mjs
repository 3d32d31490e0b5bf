// Issue 15, measured in a real VS Code (code-server, the integration harness): the extension host
// runs test/integration/bench/index.ts, which activates Mutant Lens itself and writes its figures.
// - activation: an empty workspace (no report, no lcov): child processes the extension started
//   and activate()'s own time as it logs it ("activate() took N ms"), median over the runs;
// - watches: a workspace of 20,000 folders with 3 reports in 3 packages: the inotify watches the
//   extension host holds after activation settled, minus those it held before.
// MUTANT_LENS_BENCH_EXTENSION=/abs/dir measures another build of the extension (a checkout of main
// built with `node esbuild.mjs`) with the same measuring suite: that is how the closing notes'
// "before" figures are taken.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../build.mjs';
import { median } from '../measure.mjs';
import { runCleanups } from '../../test/harness/cleanup.mjs';
import { defaultSettings } from '../../test/harness/codeServer.mjs';
import { runExtensionTests } from '../../test/harness/extensionTests.mjs';
import { run } from '../../test/harness/processes.mjs';

const FOLDERS = 20_000;
const PACKAGES = 200;
const REPORTS = 3;

let built = false;

async function buildOnce() {
  if (built) return;
  await run('node', ['esbuild.mjs']);
  built = true;
}

/** One code-server run of the measuring suite on `folder`; the figures it wrote. */
async function measure(folder, reports) {
  await buildOnce();
  const out = join(mkdtempSync(join(tmpdir(), 'mutant-lens-bench-out-')), 'result.json');
  try {
    const result = await runExtensionTests({
      folder,
      settings: defaultSettings,
      env: { MUTANT_LENS_BENCH_OUT: out, MUTANT_LENS_BENCH_REPORTS: String(reports), MUTANT_LENS_BENCH_STILL_MS: process.env.MUTANT_LENS_BENCH_STILL_MS ?? '3000' },
      extensionDevelopmentPath: process.env.MUTANT_LENS_BENCH_EXTENSION ?? repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'bench', 'index'),
      timeoutMs: 600_000,
      write: () => undefined,
    });
    if (result.exitCode !== 0) throw new Error(`the measuring suite failed (${result.reason ?? `exit code ${result.exitCode}`}): ${result.log.slice(-15).join('\n')}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
    await runCleanups();
  }
}

function tempFolder() {
  return realpathSync(mkdtempSync(join(tmpdir(), 'mutant-lens-bench-ws-')));
}

export async function activationRow({ reps }) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const folder = tempFolder();
    try {
      runs.push(await measure(folder, 0));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const started = Math.max(...runs.map((r) => r.started.length));
  const cpuMs = median(runs.map((r) => r.activateCpuMs));
  const wallMs = median(runs.map((r) => r.activateMs));
  const programs = [...new Set(runs.flatMap((r) => r.descendants.map((d) => d.command.split(' ')[0]?.split('/').pop() || '(gone)')))].sort();
  const seen = Math.max(...runs.map((r) => r.descendants.length));
  return {
    id: 'activation',
    row: 'activation with no report and no lcov: child processes / activate() time',
    subject: `${started} / ${cpuMs.toFixed(1)} ms CPU (${wallMs.toFixed(1)} ms wall)`,
    baseline: '— (absolute floor)',
    ratio: undefined,
    floor: '0 / ≤ 20 ms',
    ok: started === 0 && cpuMs <= 20,
    note:
      `real VS Code (code-server) on an empty folder, median of ${reps} runs (CPU ${runs.map((r) => r.activateCpuMs.toFixed(1)).join(', ')} ms): ` +
      `processes started from the extension's bundle (child_process wrapped in the extension host, attributed by stack); activate() as it logs its own time; ` +
      `child processes of the extension host seen from activation until settled, whoever started them: up to ${seen} (${programs.join(', ')}: ` +
      `rg is VS Code's file search answering findFiles, which a remote extension host runs itself; sh/ps/ls is its port detection); moonshot 0 / ≤ 5 ms`,
    values: { runs },
  };
}

/** A workspace of FOLDERS folders (PACKAGES packages of nested folders) with a report in REPORTS of them. */
export function makeManyFoldersWorkspace(root) {
  // Each package: its folder, d0…d8 and ten folders in each of those: 100 folders.
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = join(root, 'packages', `p${String(p).padStart(3, '0')}`);
    for (let d = 0; d < FOLDERS / PACKAGES / 10 - 1; d++) for (let e = 0; e < 10; e++) mkdirSync(join(pkg, `d${d}`, `e${e}`), { recursive: true });
  }
  const source = 'export function limit(a: number): boolean {\n  return a > 1;\n}\n';
  for (let r = 0; r < REPORTS; r++) {
    const pkg = join(root, 'packages', `p${String(Math.floor((r * PACKAGES) / REPORTS)).padStart(3, '0')}`);
    mkdirSync(join(pkg, 'src'), { recursive: true });
    writeFileSync(join(pkg, 'src', 'limit.ts'), source);
    mkdirSync(join(pkg, 'reports', 'mutation'), { recursive: true });
    const mutant = { id: '1', mutatorName: 'EqualityOperator', replacement: 'a >= 1', status: 'Survived', location: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } } };
    const report = { schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'src/limit.ts': { language: 'typescript', source, mutants: [mutant] } } };
    writeFileSync(join(pkg, 'reports', 'mutation', 'mutation.json'), JSON.stringify(report));
  }
}

export async function watchesRow() {
  const folder = tempFolder();
  let result;
  try {
    makeManyFoldersWorkspace(folder);
    result = await measure(folder, REPORTS);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    id: 'watches',
    row: `OS file watches opened by the extension on a ${FOLDERS.toLocaleString('en')}-folder workspace with ${REPORTS} reports`,
    subject: `${result.watchedUnderWorkspace} watches`,
    baseline: '— (absolute floor)',
    ratio: undefined,
    floor: '≤ 30',
    ok: result.watchedUnderWorkspace <= 30,
    note:
      `real VS Code (code-server), VS Code activates the extension (workspaceContains): inotify watches the extension host holds on the workspace's files and folders ` +
      `(/proc/<pid>/fdinfo, inodes of the workspace) once ${result.reports.length} reports are loaded and the count held still for 3 s; ` +
      `the extension host holds ${result.watchesHeld} in all (other extensions' included); VS Code's own watcher runs in another process; moonshot ≤ 10`,
    values: result,
  };
}
