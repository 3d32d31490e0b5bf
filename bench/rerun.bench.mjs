// Issue 6's speed item: on the 20-file fixture, a full StrykerJS run vs rerunning one file after a
// one-line edit, the way the extension does it (incremental, seeded from a private copy of the
// full report, our progress reporter plugin writing the report). One-file must take at most 30%.
// The argument list mirrors strykerArgs() in src/core/rerun/args.ts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRerunWorkspace, repoRoot } from '../test/integration/rerun/workspace.mjs';

const PLUGIN = join(repoRoot, 'dist', 'stryker-progress-reporter.js');
const EDITED = 'src/discount.ts';

function stryker(dir, args, env = {}) {
  const started = performance.now();
  const bin = join(dir, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const run = spawnSync(process.execPath, [bin, 'run', ...args], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`stryker ${args.join(' ')} exited ${run.status}:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  return performance.now() - started;
}

function mutantsPerFile(report) {
  const files = JSON.parse(readFileSync(report, 'utf8')).files;
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)).map(([name, file]) => [name, file.mutants.length]));
}

export async function rerunBench() {
  if (!existsSync(PLUGIN)) throw new Error(`${PLUGIN} is missing: run node esbuild.mjs first`);
  const dir = makeRerunWorkspace(mkdtempSync(join(tmpdir(), 'mutant-lens-bench-rerun-')));
  try {
    const report = join(dir, 'reports', 'mutation', 'mutation.json');
    rmSync(report);
    const fullMs = stryker(dir, ['--force', '--reporters', 'json']);
    const before = mutantsPerFile(report);
    const source = join(dir, EDITED);
    writeFileSync(source, readFileSync(source, 'utf8').replace('(price * percent) / 100', '(percent * price) / 100'));
    const seed = join(dir, '..', `${dir.split('/').pop()}-seed.json`);
    copyFileSync(report, seed);
    const args = ['--incremental', '--incrementalFile', seed, '--mutate', EDITED, '--appendPlugins', PLUGIN, '--reporters', 'clear-text,mutant-lens-progress'];
    const oneFileMs = stryker(dir, args, { MUTANT_LENS_REPORT_FILE: report });
    rmSync(seed, { force: true });
    const after = mutantsPerFile(report);
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`the one-file rerun changed the report's files: ${JSON.stringify({ before, after })}`);
    return { fullMs: Math.round(fullMs), oneFileMs: Math.round(oneFileMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default rerunBench;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fullMs, oneFileMs } = await rerunBench();
  const ratio = oneFileMs / fullMs;
  console.log(JSON.stringify({ fullMs, oneFileMs, ratio: Number(ratio.toFixed(3)), limit: 0.3, ok: ratio <= 0.3 }));
  if (ratio > 0.3) process.exitCode = 1;
}
