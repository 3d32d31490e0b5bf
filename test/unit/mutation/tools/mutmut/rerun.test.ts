import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FileProbe } from '../../../../../src/core/rerun/project';
import {
  classifyMutmutRun,
  executeMutmut,
  findMutmutBin,
  findMutmutProject,
  mutantNamesOfFile,
  mutmutArgs,
  mutmutOutcomeMessage,
  mutmutProgress,
} from '../../../../../src/core/mutation/tools/mutmut/rerun';

const probe: FileProbe = {
  exists: async (file) => (await stat(file).catch(() => undefined)) !== undefined,
  readFile: (file) => readFile(file, 'utf8').catch(() => undefined),
};

function fakeProbe(files: Record<string, string>): FileProbe {
  return { exists: async (file) => file in files, readFile: async (file) => files[file] };
}

const FAKE = path.join(__dirname, 'fake', 'mutmut');

function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') === false;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function project(mode: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-mutmut-run-'));
  writeFileSync(path.join(dir, 'mode.txt'), mode);
  return dir;
}

const hooks = (signal = new AbortController().signal, timeoutMs = 30_000) => ({ signal, timeoutMs, onOutput: () => {} });

describe('findMutmutProject', () => {
  it('is the nearest folder whose mutants/ holds the file\'s .meta, never above the workspace folder', async () => {
    const files = { '/w/p/mutants/src/a.py.meta': '{}', '/w/mutants/p/src/b.py.meta': '{}' };
    expect(await findMutmutProject('/w/p/src/a.py', fakeProbe(files), '/w')).toEqual({ dir: '/w/p', meta: '/w/p/mutants/src/a.py.meta' });
    expect(await findMutmutProject('/w/p/src/b.py', fakeProbe(files), '/w')).toEqual({ dir: '/w', meta: '/w/mutants/p/src/b.py.meta' });
    expect(await findMutmutProject('/w/p/src/b.py', fakeProbe(files), '/w/p')).toBe(undefined);
  });
});

describe('findMutmutBin', () => {
  it('takes the project\'s virtual environment first: .venv, then venv, in the project or above it', async () => {
    expect(await findMutmutBin('/w/p', '/w', '/usr/bin', fakeProbe({ '/w/p/venv/bin/mutmut': '', '/w/p/.venv/bin/mutmut': '', '/usr/bin/mutmut': '' }))).toBe('/w/p/.venv/bin/mutmut');
    expect(await findMutmutBin('/w/p', '/w', '/usr/bin', fakeProbe({ '/w/p/venv/bin/mutmut': '', '/usr/bin/mutmut': '' }))).toBe('/w/p/venv/bin/mutmut');
    expect(await findMutmutBin('/w/p', '/w', '/usr/bin', fakeProbe({ '/w/.venv/bin/mutmut': '', '/usr/bin/mutmut': '' }))).toBe('/w/.venv/bin/mutmut');
    expect(await findMutmutBin('/w/p', '/w/p', '/usr/bin', fakeProbe({ '/w/.venv/bin/mutmut': '', '/usr/bin/mutmut': '' }))).toBe('/usr/bin/mutmut');
  });

  it('takes PATH only from absolute entries, never a name resolved in the workspace', async () => {
    expect(await findMutmutBin('/w/p', '/w', '.:bin:/opt/a:/opt/b', fakeProbe({ '/w/p/mutmut': '', '/w/p/bin/mutmut': '', 'bin/mutmut': '', 'mutmut': '', '/opt/b/mutmut': '' }))).toBe('/opt/b/mutmut');
    expect(await findMutmutBin('/w/p', '/w', undefined, fakeProbe({ 'mutmut': '' }))).toBe(undefined);
  });

  it('looks for Scripts\\mutmut.exe on Windows', async () => {
    expect(await findMutmutBin('/w/p', '/w', '/x', fakeProbe({ '/w/p/.venv/bin/mutmut': '', '/w/p/venv/Scripts/mutmut.exe': '' }), path.posix, true)).toBe('/w/p/venv/Scripts/mutmut.exe');
    expect(await findMutmutBin('/w/p', '/w', '/x', fakeProbe({ '/x/mutmut.exe': '' }), path.posix, true)).toBe('/x/mutmut.exe');
  });
});

describe('what to run', () => {
  it('names every mutant of the file from its .meta', async () => {
    const files = { '/m.meta': '{"exit_code_by_key": {"a.x_f__mutmut_1": 0, "a.x_f__mutmut_2": 1}}', '/bad.meta': '{"exit_code_by_key": {' };
    expect(await mutantNamesOfFile('/m.meta', fakeProbe(files))).toEqual(['a.x_f__mutmut_1', 'a.x_f__mutmut_2']);
    expect(await mutantNamesOfFile('/bad.meta', fakeProbe(files))).toBe(undefined);
    expect(await mutantNamesOfFile('/none.meta', fakeProbe(files))).toBe(undefined);
    expect(mutmutArgs(['a.x_f__mutmut_1', 'a.x_f__mutmut_2'])).toEqual(['run', 'a.x_f__mutmut_1', 'a.x_f__mutmut_2']);
  });

  it('reads mutmut\'s progress line', () => {
    expect(mutmutProgress('⠋ 3/8  🎉 2 🫥 0  ⏰ 0  🤔 0  🙁 1  🔇 0  🧙 0⠙ 4/8  🎉 3 🫥 0')).toEqual({ tested: 4, total: 8 });
    expect(mutmutProgress('Running clean tests')).toBe(undefined);
  });
});

describe('classifyMutmutRun', () => {
  it('tells success, failing tests, a kill from outside and other failures', () => {
    expect(classifyMutmutRun(0, null, '')).toEqual({ kind: 'success', score: undefined });
    expect(classifyMutmutRun(1, null, '    done\nFailed to run clean test\n')).toEqual({ kind: 'initialTestRunFailed' });
    expect(classifyMutmutRun(null, 'SIGKILL', '')).toEqual({ kind: 'killed', signal: 'SIGKILL' });
    expect(classifyMutmutRun(1, null, 'a\nAssertionError: Filtered for specific mutants, but nothing matches\n')).toEqual({ kind: 'failed', detail: 'exit code 1: AssertionError: Filtered for specific mutants, but nothing matches' });
    expect(classifyMutmutRun(2, null, '  ')).toEqual({ kind: 'failed', detail: 'exit code 2' });
  });

  it('says how to install mutmut and what failing tests mean', () => {
    expect(mutmutOutcomeMessage({ kind: 'notInstalled' }, 'src/a.py')).toBe(
      "mutmut is not installed for this project: Mutant Lens looks in .venv/ and venv/ and on PATH. Install it with `pip install mutmut` in the project's virtual environment.",
    );
    expect(mutmutOutcomeMessage({ kind: 'initialTestRunFailed' }, 'src/a.py')).toBe('mutmut did not test src/a.py: the tests fail without any mutant ("Failed to run clean test"). Fix the failing tests first.');
    expect(mutmutOutcomeMessage({ kind: 'success', score: undefined }, 'src/a.py')).toBe(undefined);
  });

  it('says that a stopped run keeps the results mutmut wrote', () => {
    expect(mutmutOutcomeMessage({ kind: 'cancelled' }, 'src/a.py')).toBe('Mutation testing of src/a.py was cancelled; mutmut keeps the results of the mutants it finished.');
    expect(mutmutOutcomeMessage({ kind: 'timeout', minutes: 30 }, 'src/a.py')).toBe(
      'Mutation testing of src/a.py was stopped after 30 minutes (mutantLens.rerun.timeoutMinutes); mutmut keeps the results of the mutants it finished.',
    );
    expect(mutmutOutcomeMessage({ kind: 'killed', signal: 'SIGKILL' }, 'src/a.py')).toBe('Mutation testing of src/a.py was stopped from outside (SIGKILL; out of memory?); mutmut keeps the results of the mutants it finished.');
    expect(mutmutOutcomeMessage({ kind: 'failed', detail: 'exit code 2' }, 'src/a.py')).toBe('Mutation testing of src/a.py failed (exit code 2); mutmut keeps the results of the mutants it finished.');
  });
});

describe('executeMutmut (a fake mutmut)', () => {
  it('runs `mutmut run <names>` in the project', async () => {
    const dir = project('ok');
    const output: string[] = [];
    expect(await executeMutmut(FAKE, dir, ['a.x_f__mutmut_1'], { ...hooks(), onOutput: (text) => output.push(text) })).toEqual({ kind: 'success', score: undefined });
    expect(JSON.parse(readFileSync(path.join(dir, 'seen.json'), 'utf8'))).toEqual(['run', 'a.x_f__mutmut_1']);
    expect(mutmutProgress(output.join(''))).toEqual({ tested: 1, total: 2 });
  });

  it('tells failing tests', async () => {
    expect(await executeMutmut(FAKE, project('red'), ['a.x_f__mutmut_1'], hooks())).toEqual({ kind: 'initialTestRunFailed' });
  });

  it('kills the whole process tree on cancel', async () => {
    const dir = project('hang');
    const controller = new AbortController();
    const running = executeMutmut(FAKE, dir, ['a.x_f__mutmut_1'], hooks(controller.signal));
    await waitFor(() => existsSync(path.join(dir, 'child.pid')));
    const child = Number(readFileSync(path.join(dir, 'child.pid'), 'utf8'));
    expect(alive(child)).toBe(true);
    controller.abort();
    expect(await running).toEqual({ kind: 'cancelled' });
    await waitFor(() => !alive(child));
  });

  it('stops a run that takes too long', async () => {
    expect(await executeMutmut(FAKE, project('hang'), ['a.x_f__mutmut_1'], hooks(undefined, 300))).toEqual({ kind: 'timeout', minutes: 0 });
  });

  it('says when the program is gone', async () => {
    const outcome = await executeMutmut('/nonexistent/mutmut', project('ok'), ['a'], hooks());
    expect(outcome).toEqual({ kind: 'failed', detail: 'Program not found: /nonexistent/mutmut' });
  });
});

describe('the real fixture', () => {
  it('finds the project of the fixture and the names of pricing.py\'s mutants', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ml-mutmut-fx-'));
    cpSync(path.resolve(__dirname, '../../../../fixtures/mutmut-project'), root, { recursive: true });
    mkdirSync(path.join(root, '.venv', 'bin'), { recursive: true });
    writeFileSync(path.join(root, '.venv', 'bin', 'mutmut'), '');
    const found = await findMutmutProject(path.join(root, 'src/shop/pricing.py'), probe, root);
    expect(found).toEqual({ dir: root, meta: path.join(root, 'mutants/src/shop/pricing.py.meta') });
    expect((await mutantNamesOfFile(found?.meta ?? '', probe))?.length).toBe(16);
    expect(await findMutmutBin(root, root, '', probe)).toBe(path.join(root, '.venv', 'bin', 'mutmut'));
  });
});
