/**
 * Rerunning mutmut on one file: the project (the folder whose `mutants/` holds the file's `.meta`),
 * the project's own mutmut (a virtual environment, else an absolute PATH entry; never a bare name
 * resolved in the workspace), `mutmut run <names>` with the names of the file's mutants, and what
 * its end means. Pure over the FileProbe interface, except `executeMutmut`, which starts it.
 */
import * as nodePath from 'node:path';
import { runProcess } from '../../../shared/process';
import type { FileProbe } from '../../../rerun/project';
import { ancestors } from '../../../rerun/project';
import type { RerunOutcome } from '../../../rerun/outcome';
import { parseMeta } from './meta';

export interface MutmutProject {
  /** The folder mutmut runs in (it holds `mutants/`). */
  readonly dir: string;
  /** Absolute path of the file's `.meta`. */
  readonly meta: string;
}

/** The nearest folder at or above the file's folder (never above `stopAt`) whose `mutants/` has the file's `.meta`. */
export async function findMutmutProject(file: string, probe: FileProbe, stopAt: string | undefined, path = nodePath): Promise<MutmutProject | undefined> {
  for (const dir of ancestors(path.dirname(file), stopAt, path)) {
    const meta = path.join(dir, 'mutants', `${path.relative(dir, file)}.meta`);
    if (await probe.exists(meta)) return { dir, meta };
  }
  return undefined;
}

const VENV_FOLDERS = ['.venv', 'venv'];

/**
 * The project's mutmut: `.venv/bin/mutmut` or `venv/bin/mutmut` (`Scripts\mutmut.exe` on Windows)
 * in the project or a folder above it up to `stopAt`, else the first absolute PATH entry holding it.
 */
export async function findMutmutBin(projectDir: string, stopAt: string | undefined, pathVariable: string | undefined, probe: FileProbe, path = nodePath, windows = process.platform === 'win32'): Promise<string | undefined> {
  const program = windows ? ['Scripts', 'mutmut.exe'] : ['bin', 'mutmut'];
  for (const dir of ancestors(projectDir, stopAt, path)) {
    for (const venv of VENV_FOLDERS) {
      const bin = path.join(dir, venv, ...program);
      if (await probe.exists(bin)) return bin;
    }
  }
  for (const entry of (pathVariable ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(entry)) continue;
    const bin = path.join(entry, windows ? 'mutmut.exe' : 'mutmut');
    if (await probe.exists(bin)) return bin;
  }
  return undefined;
}

/** The names of every mutant of the file, from its `.meta` (undefined when it cannot be read). */
export async function mutantNamesOfFile(meta: string, probe: FileProbe): Promise<string[] | undefined> {
  const text = await probe.readFile(meta);
  const parsed = text === undefined ? undefined : parseMeta(text);
  return parsed?.ok === true ? parsed.value.map((m) => m.name) : undefined;
}

export function mutmutArgs(names: readonly string[]): string[] {
  return ['run', ...names];
}

export interface MutmutRunHooks {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly onOutput: (text: string) => void;
}

/** Runs `mutmut run <names>` in the project and classifies its end. */
export async function executeMutmut(bin: string, projectDir: string, names: readonly string[], hooks: MutmutRunHooks): Promise<RerunOutcome> {
  const result = await runProcess({ command: bin, args: mutmutArgs(names), cwd: projectDir, signal: hooks.signal, timeoutMs: hooks.timeoutMs, onStdout: hooks.onOutput, onStderr: hooks.onOutput, maxStdoutBytes: 1024 * 1024 });
  if (!result.ok) {
    if (result.error.kind === 'aborted') return { kind: 'cancelled' };
    if (result.error.kind === 'timeout') return { kind: 'timeout', minutes: Math.round(hooks.timeoutMs / 60_000) };
    return { kind: 'failed', detail: result.error.message };
  }
  const { exitCode, signal, stdout, stderr } = result.value;
  return classifyMutmutRun(exitCode, signal, `${stdout}\n${stderr}`);
}

/** mutmut 3.8.1 prints "Failed to run clean test" and exits 1 when the tests fail without a mutant (`__main__.py` `_run`). */
export function classifyMutmutRun(exitCode: number | null, signal: string | null, output: string): RerunOutcome {
  if (exitCode === 0) return { kind: 'success', score: undefined };
  if (exitCode === null && signal !== null) return { kind: 'killed', signal };
  if (output.includes('Failed to run clean test')) return { kind: 'initialTestRunFailed' };
  const last = output.trim().split(/\r?\n/).pop()?.trim() ?? '';
  return { kind: 'failed', detail: `exit code ${String(exitCode)}${last === '' ? '' : `: ${last}`}` };
}

/** Progress as mutmut draws it ("⠋ 3/8  🎉 2 …"): the last "done/total" in the text. */
export function mutmutProgress(text: string): { tested: number; total: number } | undefined {
  let found: { tested: number; total: number } | undefined;
  for (const match of text.matchAll(/(\d+)\/(\d+) {2}🎉/gu)) found = { tested: Number(match[1]), total: Number(match[2]) };
  return found;
}

export const MUTMUT_INSTALL = 'pip install mutmut';

/** mutmut writes each mutant's result as it goes: a run that stops keeps those it finished. */
export const MUTMUT_KEPT = 'mutmut keeps the results of the mutants it finished';

/** The messages that differ from StrykerJS's for the same outcome. */
export function mutmutOutcomeMessage(outcome: RerunOutcome, file: string): string | undefined {
  if (outcome.kind === 'cancelled') return `Mutation testing of ${file} was cancelled; ${MUTMUT_KEPT}.`;
  if (outcome.kind === 'timeout') return `Mutation testing of ${file} was stopped after ${outcome.minutes} minutes (mutantLens.rerun.timeoutMinutes); ${MUTMUT_KEPT}.`;
  if (outcome.kind === 'killed') return `Mutation testing of ${file} was stopped from outside (${outcome.signal}; out of memory?); ${MUTMUT_KEPT}.`;
  if (outcome.kind === 'failed') return `Mutation testing of ${file} failed (${outcome.detail}); ${MUTMUT_KEPT}.`;
  if (outcome.kind === 'notInstalled') return `mutmut is not installed for this project: Mutant Lens looks in .venv/ and venv/ and on PATH. Install it with \`${MUTMUT_INSTALL}\` in the project's virtual environment.`;
  if (outcome.kind === 'initialTestRunFailed') return `mutmut did not test ${file}: the tests fail without any mutant ("Failed to run clean test"). Fix the failing tests first.`;
  return undefined;
}
