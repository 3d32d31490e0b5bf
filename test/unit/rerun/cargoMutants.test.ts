import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cargoMutantsArgs, findCargoProject, findProgram, mergeMutantList, mergeOutcomes } from '../../../src/core/rerun/cargoMutants';
import { executeRerun } from '../../../src/core/rerun/execute';
import { planRerun } from '../../../src/core/rerun/plan';
import type { FileProbe } from '../../../src/core/rerun/project';

const FAKE_CARGO = join(__dirname, 'fake', 'cargo.cjs');
const FIXTURE = join(__dirname, '../../fixtures/cargo-mutants-crate');

function probeOf(files: readonly string[]): FileProbe {
  return { exists: async (p) => files.includes(p), readFile: async () => undefined };
}

describe('findCargoProject', () => {
  it('prefers the folder whose mutants.out is shown, then the nearest Cargo.toml, never above the workspace folder', async () => {
    const file = '/ws/crates/a/src/lib.rs';
    expect(await findCargoProject(file, probeOf(['/ws/mutants.out/outcomes.json', '/ws/crates/a/Cargo.toml']), '/ws')).toBe('/ws');
    expect(await findCargoProject(file, probeOf(['/ws/crates/a/Cargo.toml', '/ws/Cargo.toml']), '/ws')).toBe('/ws/crates/a');
    expect(await findCargoProject(file, probeOf(['/Cargo.toml', '/mutants.out/outcomes.json']), '/ws')).toBeUndefined();
  });
});

describe('findProgram', () => {
  const executable = (files: readonly string[]) => async (p: string) => files.includes(p);

  it('takes the first absolute PATH folder outside the workspace that holds the program, then the extra folders', async () => {
    expect(await findProgram('cargo', '/ws/bin:.:bin::/usr/bin:/opt/bin', [], ['/ws'], executable(['/ws/bin/cargo', '/ws/cargo', '/usr/bin/cargo', '/opt/bin/cargo']))).toBe('/usr/bin/cargo');
    expect(await findProgram('cargo', '/usr/bin', ['/home/u/.cargo/bin'], ['/ws'], executable(['/home/u/.cargo/bin/cargo']))).toBe('/home/u/.cargo/bin/cargo');
    expect(await findProgram('cargo', undefined, ['/ws/.cargo/bin'], ['/ws'], executable(['/ws/.cargo/bin/cargo']))).toBeUndefined();
    expect(await findProgram('cargo', '/ws', [], ['/ws'], executable(['/ws/cargo']))).toBeUndefined();
    expect(await findProgram('cargo', '/wsx/bin', [], ['/ws'], executable(['/wsx/bin/cargo']))).toBe('/wsx/bin/cargo');
  });
});

describe('planRerun for a Rust file', () => {
  const env = (files: readonly string[], cargo: string | undefined, customTemplate?: readonly unknown[]) => ({
    probe: probeOf(files),
    pluginPath: '/ext/plugin.js',
    customTemplate,
    reportPathFor: () => '/unused',
    findCargo: async () => cargo,
  });
  const target = { file: '/ws/src/lib.rs', workspaceFolder: '/ws', ranges: undefined };

  it('plans cargo mutants in the crate, the file relative to it', async () => {
    expect(await planRerun(target, env(['/ws/Cargo.toml'], '/usr/bin/cargo'))).toEqual({ ok: true, value: { kind: 'cargo-mutants', projectDir: '/ws', label: 'src/lib.rs', command: '/usr/bin/cargo' } });
    expect(cargoMutantsArgs('src/lib.rs', '/tmp/x')).toEqual(['mutants', '--file', 'src/lib.rs', '--output', '/tmp/x']);
  });

  it("says so when cargo is nowhere, and lets the user's own command win", async () => {
    expect(await planRerun(target, env(['/ws/Cargo.toml'], undefined))).toEqual({
      ok: false,
      error: { kind: 'failed', detail: 'cargo was found neither on PATH (outside the workspace) nor in ~/.cargo/bin; install Rust and cargo-mutants (cargo install cargo-mutants --locked)' },
    });
    expect(await planRerun(target, env(['/ws/Cargo.toml'], '/usr/bin/cargo', ['/opt/x', 'run', '${file}']))).toEqual({ ok: true, value: { kind: 'custom', projectDir: '/ws', label: 'src/lib.rs', command: '/opt/x', args: ['run', 'src/lib.rs'] } });
  });

  it('plans as before for a Rust file outside any crate, and for other files', async () => {
    expect(await planRerun(target, env([], '/usr/bin/cargo'))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
    expect(await planRerun({ ...target, file: '/ws/src/a.ts' }, env(['/ws/Cargo.toml'], '/usr/bin/cargo'))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
  });
});

describe('merging a one-file run into the shown results', () => {
  const outcome = (file: string | undefined, summary: string) => ({ scenario: file === undefined ? 'Baseline' : { Mutant: { file } }, summary });

  it("replaces the file's outcomes, keeps the others', takes the fresh baseline, counts the totals again", () => {
    const shown = { outcomes: [outcome(undefined, 'Success'), outcome('a.rs', 'MissedMutant'), outcome('b.rs', 'MissedMutant'), outcome('b.rs', 'Unviable')], total_mutants: 3, missed: 2 };
    const fresh = { outcomes: [outcome(undefined, 'Failure'), outcome('a.rs', 'CaughtMutant'), outcome('a.rs', 'Timeout')], cargo_mutants_version: '27.1.0', caught: 1 };
    expect(mergeOutcomes(shown, fresh, 'a.rs')).toEqual({
      outcomes: [outcome(undefined, 'Failure'), outcome('b.rs', 'MissedMutant'), outcome('b.rs', 'Unviable'), outcome('a.rs', 'CaughtMutant'), outcome('a.rs', 'Timeout')],
      cargo_mutants_version: '27.1.0',
      total_mutants: 4,
      caught: 1,
      missed: 1,
      timeout: 1,
      unviable: 1,
      success: 0,
      failure: 0,
    });
    expect(mergeOutcomes(undefined, { outcomes: [outcome('a.rs', 'Success'), outcome('a.rs', 'Weird'), outcome('a.rs', 'constructor')] }, 'a.rs')).toMatchObject({ total_mutants: 3, success: 1, failure: 0 });
    expect(mergeMutantList([{ file: 'a.rs', n: 1 }, { file: 'b.rs' }], [{ file: 'a.rs', n: 2 }], 'a.rs')).toEqual([{ file: 'b.rs' }, { file: 'a.rs', n: 2 }]);
    expect(mergeMutantList(undefined, undefined, 'a.rs')).toEqual([]);
  });
});

describe('executeRerun with cargo-mutants (a fake cargo)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ml-cargo-run-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(mode: string, signal = new AbortController().signal) {
    writeFileSync(join(dir, 'mode.txt'), mode);
    let output = '';
    const outcome = await executeRerun({ kind: 'cargo-mutants', projectDir: dir, label: 'src/lib.rs', command: FAKE_CARGO }, { signal, timeoutMs: 60_000, node: process.execPath, pollMs: 20, onOutput: (t) => (output += t), onProgress: () => {}, onStart: () => {} });
    return { outcome, output };
  }

  function shownSummaries(): string[] {
    const outcomes = JSON.parse(readFileSync(join(dir, 'mutants.out/outcomes.json'), 'utf8')) as { outcomes: Array<{ summary: string; scenario: unknown }> };
    return outcomes.outcomes.map((o) => `${o.scenario === 'Baseline' ? 'baseline' : (o.scenario as { Mutant: { file: string } }).Mutant.file} ${o.summary}`);
  }

  it('runs cargo mutants on the file into a private folder, then folds its results into mutants.out; the other files keep theirs', async () => {
    const shown = join(dir, 'mutants.out/outcomes.json');
    const data = JSON.parse(readFileSync(shown, 'utf8')) as { outcomes: Array<{ scenario: unknown; summary: string }> };
    data.outcomes.push({ scenario: { Mutant: { file: 'src/other.rs' } }, summary: 'MissedMutant' });
    writeFileSync(shown, JSON.stringify(data));
    const { outcome, output } = await run('caught');
    expect(outcome).toEqual({ kind: 'success', score: undefined });
    expect(output).toBe('9 mutants tested\n');
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { args: string[] };
    expect(seen.args.slice(0, 4)).toEqual(['mutants', '--file', 'src/lib.rs', '--output']);
    expect(seen.args[4]?.startsWith(join(tmpdir(), 'mutant-lens-rerun-'))).toBe(true);
    expect(existsSync(seen.args[4] ?? '')).toBe(false);
    expect(shownSummaries()).toEqual(['baseline Success', 'src/other.rs MissedMutant', ...Array(8).fill('src/lib.rs CaughtMutant'), 'src/lib.rs Unviable']);
    expect(existsSync(join(dir, 'mutants.out.old'))).toBe(false);
    expect(readdirSync(join(dir, 'mutants.out')).filter((n) => n.includes('mutant-lens'))).toEqual([]);
  });

  it('counts exit code 2 (mutants missed) as results written, and makes mutants.out when there was none', async () => {
    rmSync(join(dir, 'mutants.out'), { recursive: true });
    expect((await run('missed')).outcome).toEqual({ kind: 'success', score: undefined });
    expect(shownSummaries()).toEqual(['baseline Success', ...Array(3).fill('src/lib.rs CaughtMutant'), 'src/lib.rs MissedMutant', ...Array(4).fill('src/lib.rs CaughtMutant'), 'src/lib.rs Unviable']);
    expect(readdirSync(join(dir, 'mutants.out/diff')).length).toBe(9);
  });

  it('leaves mutants.out alone when cargo-mutants fails or writes nothing', async () => {
    const before = readFileSync(join(dir, 'mutants.out/outcomes.json'), 'utf8');
    expect((await run('no-such-command')).outcome).toEqual({ kind: 'failed', detail: 'exit code 101: error: no such command: `mutants`' });
    expect((await run('no-output')).outcome).toEqual({ kind: 'reportNotWritten', detail: 'cargo-mutants wrote no outcomes.json' });
    expect(readFileSync(join(dir, 'mutants.out/outcomes.json'), 'utf8')).toBe(before);
  });

  it('kills the whole process tree on cancel and changes nothing', async () => {
    const before = readFileSync(join(dir, 'mutants.out/outcomes.json'), 'utf8');
    const controller = new AbortController();
    const running = run('hang', controller.signal);
    const deadline = Date.now() + 20_000;
    while (!existsSync(join(dir, 'child.pid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect((await running).outcome).toEqual({ kind: 'cancelled' });
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    const gone = Date.now() + 10_000;
    while (existsSync(`/proc/${child}`) && !readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') && Date.now() < gone) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(`/proc/${child}`) ? readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]?.[0] : 'gone').toMatch(/^(Z|gone)$/);
    expect(readFileSync(join(dir, 'mutants.out/outcomes.json'), 'utf8')).toBe(before);
  });
});
