import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCommandLine, runProcess, setProcessGate, TailBuffer } from '../../../src/core/shared/process';

const NODE = process.execPath;
const CWD = tmpdir();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie (killed, not yet reaped by a container's init) is not alive.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitDead(pids: number[], deadlineMs: number): Promise<number[]> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0 || Date.now() > end) return alive;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A child that starts a sleeping grandchild, prints "<child pid> <grandchild pid>", then sleeps. */
function familyScript(ignoreTerm: boolean): string {
  const trap = ignoreTerm ? "process.on('SIGTERM', () => {});" : '';
  const grand = `${trap} setInterval(() => {}, 1000);`;
  return `${trap}
    const { spawn } = require('node:child_process');
    const g = spawn(process.execPath, ['-e', ${JSON.stringify(grand)}], { stdio: 'ignore' });
    console.log(process.pid + ' ' + g.pid);
    setInterval(() => {}, 1000);`;
}

function pidsFromFirstLine(): { promise: Promise<number[]>; onStdout: (t: string) => void } {
  let text = '';
  let resolve: (p: number[]) => void = () => {};
  const promise = new Promise<number[]>((r) => (resolve = r));
  const onStdout = (t: string): void => {
    text += t;
    if (text.includes('\n')) resolve(text.trim().split(' ').map(Number));
  };
  return { promise, onStdout };
}

describe('runProcess', { timeout: 20_000 }, () => {
  it('returns exit code, stdout and stderr of a finished process', async () => {
    const script = "process.stdout.write('out é'); process.stderr.write('err'); process.exit(3)";
    const r = await runProcess({ command: NODE, args: ['-e', script], cwd: CWD });
    expect(r).toEqual({
      ok: true,
      value: { exitCode: 3, signal: null, stdout: 'out é', stderr: 'err', stdoutTruncated: false },
    });
  });

  it('passes arguments without a shell and runs in cwd with the given env', async () => {
    const script = 'console.log(JSON.stringify([process.argv.slice(1), process.cwd(), process.env.ML_X]))';
    const r = await runProcess({ command: NODE, args: ['-e', script, '$HOME', 'a b;c'], cwd: CWD, env: { ML_X: 'y' } });
    expect(r.ok && JSON.parse(r.value.stdout)).toEqual([['$HOME', 'a b;c'], CWD, 'y']);
  });

  it('streams decoded output to listeners', async () => {
    const seen: string[] = [];
    const script = "process.stdout.write(Buffer.from([0xc3])); setTimeout(() => { process.stdout.write(Buffer.from([0xa9])); process.stderr.write('e') }, 50)";
    const r = await runProcess({
      command: NODE, args: ['-e', script], cwd: CWD,
      onStdout: (t) => seen.push(`o:${t}`), onStderr: (t) => seen.push(`e:${t}`),
    });
    expect(seen.filter((s) => s !== 'o:')).toEqual(['o:é', 'e:e']);
    expect(r.ok && r.value.stdout).toBe('é');
  });

  it('keeps the tail of stdout beyond the cap and says so', async () => {
    const script = "process.stdout.write('a'.repeat(5000) + 'THE END')";
    const r = await runProcess({ command: NODE, args: ['-e', script], cwd: CWD, maxStdoutBytes: 10 });
    expect(r.ok && [r.value.stdout, r.value.stdoutTruncated]).toEqual(['aaaTHE END', true]);
  });

  it('keeps the tail of stderr beyond its cap', async () => {
    const script = "process.stderr.write('x'.repeat(100) + 'last words')";
    const r = await runProcess({ command: NODE, args: ['-e', script], cwd: CWD, maxStderrBytes: 12 });
    expect(r.ok && [r.value.stderr, r.value.stdoutTruncated]).toEqual(['xxlast words', false]);
  });

  it('reports a program that cannot start as spawnFailed', async () => {
    const file = join(CWD, `ml-not-executable-${process.pid}`);
    writeFileSync(file, 'x', { mode: 0o644 });
    const r = await runProcess({ command: file, args: ['a b'], cwd: CWD });
    rmSync(file);
    expect(r).toEqual({ ok: false, error: { kind: 'spawnFailed', command: `${file} "a b"`, message: `Could not start ${file} "a b": spawn ${file} EACCES` } });
  });

  it('reports a missing program as notFound', async () => {
    const r = await runProcess({ command: 'mutant-lens-no-such-program', args: [], cwd: CWD });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'notFound', command: 'mutant-lens-no-such-program', message: 'Program not found: mutant-lens-no-such-program' },
    });
  });

  it('reports a missing working folder as cwdNotFound', async () => {
    const cwd = join(CWD, 'mutant-lens-missing-folder-xyz');
    const r = await runProcess({ command: NODE, args: ['-e', ''], cwd });
    expect(r).toEqual({ ok: false, error: { kind: 'cwdNotFound', cwd, message: `Folder not found: ${cwd}` } });
  });

  it('refuses to start when the signal is already aborted', async () => {
    const r = await runProcess({ command: NODE, args: ['-e', ''], cwd: CWD, signal: AbortSignal.abort() });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'aborted', command: `${NODE} -e ""`, exitCode: null, stderrTail: '', message: `Cancelled: ${NODE} -e ""` },
    });
  });

  it('kills the child and its grandchild on abort', async () => {
    const controller = new AbortController();
    const pids = pidsFromFirstLine();
    const run = runProcess({ command: NODE, args: ['-e', familyScript(false)], cwd: CWD, signal: controller.signal, onStdout: pids.onStdout });
    const [child, grandchild] = await pids.promise;
    controller.abort();
    const r = await run;
    expect(r.ok ? 'finished' : [r.error.kind, r.error.message.startsWith('Cancelled: ')]).toEqual(['aborted', true]);
    expect(await waitDead([child as number, grandchild as number], 2000)).toEqual([]);
  });

  it('times out, carries the stderr tail and kills processes that ignore SIGTERM', async () => {
    const pids = pidsFromFirstLine();
    const script = `process.stderr.write('warming up'); ${familyScript(true)}`;
    const started = Date.now();
    const r = await runProcess({ command: NODE, args: ['-e', script], cwd: CWD, timeoutMs: 300, killGraceMs: 500, onStdout: pids.onStdout });
    const [child, grandchild] = await pids.promise;
    expect(r.ok ? 'finished' : [r.error.kind, 'stderrTail' in r.error && r.error.stderrTail, 'exitCode' in r.error && r.error.exitCode]).toEqual(['timeout', 'warming up', null]);
    expect(r.ok ? '' : r.error.message).toBe(`Timed out after 300 ms: ${NODE} -e ${JSON.stringify(script)}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    expect(await waitDead([child as number, grandchild as number], 2000)).toEqual([]);
  });
});

describe('formatCommandLine', () => {
  it('quotes only arguments that need it', () => {
    expect(formatCommandLine('git', ['diff', '-U0', 'a b', '--x=y/z.ts', ''])).toBe('git diff -U0 "a b" --x=y/z.ts ""');
  });
});

describe('TailBuffer', () => {
  it('keeps exactly the newest cap bytes', () => {
    const t = new TailBuffer(5);
    t.push(Buffer.from('abc'));
    expect([t.text(), t.truncated]).toEqual(['abc', false]);
    t.push(Buffer.from('de'));
    expect([t.text(), t.truncated]).toEqual(['abcde', false]);
    t.push(Buffer.from('f'));
    expect([t.text(), t.truncated]).toEqual(['bcdef', true]);
    t.push(Buffer.from('ghijkl'));
    expect(t.text()).toBe('hijkl');
  });
});

describe('the process gate (no process in an untrusted workspace)', () => {
  it('refuses every start while it gives a reason, and starts nothing', async () => {
    const marker = join(CWD, `ml-gate-${process.pid}-${Date.now()}`);
    const asked: string[] = [];
    const previous = setProcessGate(() => (asked.push('asked'), 'the workspace is not trusted'));
    try {
      const result = await runProcess({ command: NODE, args: ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`], cwd: CWD });
      expect(result).toEqual({ ok: false, error: { kind: 'refused', command: `${NODE} -e ${JSON.stringify(`require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`)}`, message: `Not started: ${NODE} -e ${JSON.stringify(`require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`)}: the workspace is not trusted` } });
      expect(asked).toEqual(['asked']);
      expect(() => readFileSync(marker)).toThrow(/ENOENT/);
    } finally {
      expect(setProcessGate(previous)).not.toBe(previous);
    }
  });

  it('starts again once the gate gives no reason', async () => {
    const previous = setProcessGate(() => undefined);
    try {
      const result = await runProcess({ command: NODE, args: ['-e', 'process.stdout.write("ok")'], cwd: CWD });
      expect(result.ok && result.value.stdout).toBe('ok');
    } finally {
      setProcessGate(previous);
    }
  });
});
