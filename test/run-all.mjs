// npm test: every tier in order, output streamed live, then one closing line
// "N passed, N failed" (tests across tiers; a failed step that is not a test run counts 1).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// A full Stryker run of src/core takes far longer than CI's budget on 2 cores (thousands of
// mutants); an incremental one, from the committed stryker-incremental.json, takes minutes.
function mutationSkipReason() {
  // For a local run beside a mutation run of its own (CI never sets it).
  if (process.env.MUTANT_LENS_SKIP_MUTATION === '1') return 'MUTANT_LENS_SKIP_MUTATION=1';
  if (existsSync(join(root, 'stryker-incremental.json')) || process.env.MUTANT_LENS_FULL_MUTATION === '1') return false;
  return 'no stryker-incremental.json (committed) to run incrementally from, and a full run takes too long here; run `npm run mutate` by hand, or set MUTANT_LENS_FULL_MUTATION=1';
}

// count: how the step's output gives its test totals (none: not a test run).
const steps = [
  { name: 'lint', script: 'lint', count: 'none' },
  { name: 'typecheck', script: 'typecheck', count: 'none' },
  { name: 'unit', script: 'test:unit', count: 'vitest' },
  // One test per file of ../shared/corpus (skipped, with one line saying so, when it is absent).
  { name: 'conformance', script: 'test:conformance', count: 'vitest' },
  { name: 'mutation (src/core)', script: 'mutate', count: 'none', skip: mutationSkipReason() },
  { name: 'integration', script: 'test:integration', count: 'harness' },
  { name: 'ui', script: 'test:ui', count: 'mocha' },
  { name: 'vsix', script: 'test:vsix', count: 'harness' },
];

const stripAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const sum = (text, pattern) => [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);

const counters = {
  none: () => ({ passed: 0, failed: 0 }),
  // "Tests  1 failed | 11 passed (12)"
  vitest: (text) => {
    const line = [...text.matchAll(/^\s*Tests\s+(.*\(\d+\))\s*$/gm)].at(-1)?.[1] ?? '';
    return { passed: Number(/(\d+) passed/.exec(line)?.[1] ?? 0), failed: Number(/(\d+) failed/.exec(line)?.[1] ?? 0) };
  },
  // "  3 passing (2s)" / "  1 failing"
  mocha: (text) => ({ passed: sum(text, /^\s*(\d+) passing\b/gm), failed: sum(text, /^\s*(\d+) failing\b/gm) }),
  // "[harness] suite hover: exit code 0, 12 passed, 0 failed (30.1 s)" (a suite that crashed counts as failed)
  harness: (text) => ({
    passed: sum(text, /^\[harness\] suite .+: exit code -?\d+, (\d+) passed, \d+ failed/gm),
    failed: sum(text, /^\[harness\] suite .+: exit code -?\d+, \d+ passed, (\d+) failed/gm),
  }),
};

function runScript(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

let interrupted = false;
process.on('SIGINT', () => (interrupted = true)); // the steps get the signal too and stop themselves

const results = [];
for (const step of steps) {
  if (interrupted) break;
  if (step.skip) {
    console.log(`\n=== ${step.name}: skipped (${step.skip})`);
    results.push({ ...step, status: 'skipped', passed: 0, failed: 0, seconds: 0 });
    continue;
  }
  console.log(`\n=== ${step.name}: npm run ${step.script}`);
  const started = Date.now();
  const { code, output } = await runScript(step.script);
  const counts = counters[step.count](stripAnsi(output));
  const failed = code !== 0 && counts.failed === 0 ? 1 : counts.failed;
  results.push({ ...step, status: code === 0 ? 'ok' : 'FAILED', passed: counts.passed, failed, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary');
for (const r of results) {
  console.log(`${r.status.padEnd(8)} ${r.name.padEnd(22)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ${r.seconds.toFixed(0).padStart(5)} s`);
}
const passed = results.reduce((total, r) => total + r.passed, 0);
const failed = results.reduce((total, r) => total + r.failed, 0) + (interrupted ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
