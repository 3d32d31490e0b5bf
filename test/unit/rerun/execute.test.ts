import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeRerun } from '../../../src/core/rerun/execute';
import type { LiveResult } from '../../../src/core/rerun/liveResults';
import type { PlannedRun } from '../../../src/core/rerun/plan';
import type { ProgressState } from '../../../src/core/rerun/progress';

const FAKE = join(__dirname, 'fake', 'stryker.cjs');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ml-exec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function strykerRun(): PlannedRun {
  const stryker = { strykerBin: FAKE, mutatePath: 'src/a.ts', ranges: undefined, pluginPath: '/ext/plugin.js', projectReporters: ['json'], tempDirName: '.stryker-tmp' };
  return { kind: 'stryker', projectDir: dir, label: 'src/a.ts', stryker, reportFile: join(dir, 'report.json') };
}

async function run(mode: string, planned = strykerRun(), signal = new AbortController().signal, timeoutMs = 60_000) {
  writeFileSync(join(dir, 'mode.txt'), mode);
  const progress: ProgressState[] = [];
  let output = '';
  const tested: LiveResult[] = [];
  const outcome = await executeRerun(planned, { signal, timeoutMs, node: process.execPath, pollMs: 20, onOutput: (t) => (output += t), onProgress: (s) => progress.push(s), onStart: () => {}, onMutantTested: (r) => tested.push(r) });
  return { outcome, progress, output, tested };
}

/** Running and not a zombie (a container's PID 1 may never reap). */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') === false;
  } catch {
    return false;
  }
}

describe('executeRerun', () => {
  it('seeds from a private copy of the report and reads the plugin lines', async () => {
    writeFileSync(join(dir, 'report.json'), '{"files":{"old":{}}}');
    const { outcome, progress, output } = await run('success');
    expect(outcome).toEqual({ kind: 'success', score: 50 });
    expect(progress.at(-1)).toEqual({ total: 2, tested: 2, survived: 1, reportWritten: true, score: 50 });
    expect(output).toBe('INFO done\n');
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { args: string[]; seed: string };
    expect(seen.seed).toBe('{"files":{"old":{}}}');
    const seedPath = seen.args[seen.args.indexOf('--incrementalFile') + 1]!;
    expect(seedPath.startsWith(join(tmpdir(), 'mutant-lens-rerun-'))).toBe(true);
    expect(existsSync(seedPath)).toBe(false);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{"files":{"new":{}}}');
  });

  it('passes on each tested mutant as Stryker reports it, with its file made absolute', async () => {
    const { tested } = await run('success');
    expect(tested).toEqual([
      { file: join(dir, 'src/a.ts'), key: '1:6-1:17 ConditionalExpression true', status: 'Survived' },
      { file: join(dir, 'src/a.ts'), key: '1:6-1:17 BlockStatement {}', status: 'Killed' },
    ]);
  });

  it('runs without a seed when there is no report', async () => {
    await run('success');
    const { progressFile: _, ...seen } = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { args: string[]; seed: string | null; progressFile: string };
    expect(seen).toEqual({ args: ['run', '--incremental', '--mutate', 'src/a.ts', '--appendPlugins', '/ext/plugin.js', '--reporters', 'mutant-lens-progress'], seed: null });
  });

  it('takes exit code 1 with a written report as a score under the break threshold', async () => {
    expect((await run('break')).outcome).toEqual({ kind: 'belowBreak', score: 50 });
  });

  it('tells a Stryker killed from outside mid-run, and keeps the old report', async () => {
    writeFileSync(join(dir, 'report.json'), '{"files":{"old":{}}}');
    const { outcome } = await run('killed');
    expect(outcome).toEqual({ kind: 'killed', signal: 'SIGKILL' });
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{"files":{"old":{}}}');
  });

  it('tells a report that could not be written, and keeps the old report', async () => {
    writeFileSync(join(dir, 'report.json'), '{"files":{"old":{}}}');
    const { outcome } = await run('unwritable');
    expect(outcome).toEqual({ kind: 'reportNotWritten', detail: "EACCES: permission denied, open '/work/app/reports/mutation/mutation.json.4242.tmp'" });
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{"files":{"old":{}}}');
  });

  it('tells a failed initial test run', async () => {
    expect((await run('red')).outcome).toEqual({ kind: 'initialTestRunFailed' });
  });

  it('cancels: the whole process tree is gone', async () => {
    const controller = new AbortController();
    const pending = run('hang', strykerRun(), controller.signal);
    await waitFor(() => existsSync(join(dir, 'child.pid')));
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { args: string[]; progressFile: string };
    expect(alive(child)).toBe(true);
    const started = Date.now();
    controller.abort();
    expect((await pending).outcome).toEqual({ kind: 'cancelled' });
    await waitFor(() => !alive(child));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(existsSync(dirname(seen.progressFile))).toBe(false);
  });

  it('removes the sandbox a cancelled run left, not the linked node_modules nor an earlier sandbox', async () => {
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'dep', 'index.js'), 'module.exports = 1;');
    mkdirSync(join(dir, '.stryker-tmp', 'sandbox-earlier'), { recursive: true });
    const controller = new AbortController();
    const pending = run('hang', strykerRun(), controller.signal);
    await waitFor(() => existsSync(join(dir, 'child.pid')));
    const made = readdirSync(join(dir, '.stryker-tmp')).sort();
    controller.abort();
    expect((await pending).outcome).toEqual({ kind: 'cancelled' });
    expect([made, readdirSync(join(dir, '.stryker-tmp')), existsSync(join(dir, 'node_modules', 'dep', 'index.js'))]).toEqual([
      ['sandbox-earlier', 'sandbox-fake'],
      ['sandbox-earlier'],
      true,
    ]);
  });

  it('removes the temp folder a killed or timed-out run made, and keeps the sandbox of a failed run for debugging', async () => {
    const killed = await run('killed');
    const afterKilled = existsSync(join(dir, '.stryker-tmp'));
    const timedOut = await run('hang', strykerRun(), new AbortController().signal, 300);
    const afterTimeout = existsSync(join(dir, '.stryker-tmp'));
    const red = await run('red');
    expect([killed.outcome.kind, afterKilled, timedOut.outcome.kind, afterTimeout, red.outcome.kind, readdirSync(join(dir, '.stryker-tmp'))]).toEqual([
      'killed', false, 'timeout', false, 'initialTestRunFailed', ['sandbox-fake'],
    ]);
  });

  it('looks for sandboxes in the temp folder the config names', async () => {
    const planned = strykerRun();
    const custom = { ...planned, stryker: { ...(planned as Extract<PlannedRun, { kind: 'stryker' }>).stryker, tempDirName: 'build/tmp' } } as PlannedRun;
    writeFileSync(join(dir, 'temp-dir.txt'), 'build/tmp');
    mkdirSync(join(dir, 'build'));
    const { outcome } = await run('killed', custom);
    expect([outcome.kind, readdirSync(join(dir, 'build'))]).toEqual(['killed', []]);
  });

  it('stops at the timeout', async () => {
    const { outcome } = await run('hang', strykerRun(), new AbortController().signal, 300);
    expect(outcome).toEqual({ kind: 'timeout', minutes: 0 });
  });

  it('runs a custom command as given and judges it by its exit code', async () => {
    const custom: PlannedRun = { kind: 'custom', projectDir: dir, label: 'src/a.ts', command: process.execPath, args: ['-e', 'console.log("hi"); process.exit(3)'] };
    const { outcome, output } = await run('-', custom);
    expect(outcome).toEqual({ kind: 'failed', detail: 'exit code 3: hi' });
    expect(output).toBe('hi\n');
  });

  it('reports a program that does not exist', async () => {
    const custom: PlannedRun = { kind: 'custom', projectDir: dir, label: 'a', command: 'no-such-program-ml', args: [] };
    expect((await run('-', custom)).outcome).toEqual({ kind: 'failed', detail: 'Program not found: no-such-program-ml' });
  });
});

async function waitFor(condition: () => boolean, deadlineMs = 5000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met before the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
}
