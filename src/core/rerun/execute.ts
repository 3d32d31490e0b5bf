/**
 * Runs a planned rerun: seeds incremental mode from a private copy of the current report, passes
 * our reporter plugin its files through the environment, follows its progress lines, and
 * classifies the end. Node only (no vscode); the caller shows what happens.
 */
import { copyFile, mkdtemp, open, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isFile } from '../shared/fileProbe';
import { runProcess, type ProcessError, type ProcessOutput } from '../shared/process';
import type { Result } from '../shared/types';
import { strykerArgs } from './args';
import { CARGO_MUTANTS_RESULT_EXIT_CODES, cargoMutantsArgs, mergeCargoOutput } from './cargoMutants';
import { liveResultOf, type LiveResult } from './liveResults';
import { classifyRun, type RerunOutcome } from './outcome';
import type { PlannedRun } from './plan';
import { PROGRESS_FILE_ENV, REPORT_FILE_ENV } from './protocol';
import { applyProgressLine, INITIAL_PROGRESS, LineSplitter, type ProgressState } from './progress';

export interface RunHooks {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** The program to run Stryker's bin script with (the user's Node). */
  readonly node: string;
  /** Stryker's whole output, in pieces. */
  readonly onOutput: (text: string) => void;
  readonly onProgress: (state: ProgressState) => void;
  /** Each mutant as Stryker finishes testing it (before the report is written). */
  readonly onMutantTested?: (result: LiveResult) => void;
  /** The command line, once, before it starts. */
  readonly onStart: (commandLine: { command: string; args: readonly string[]; cwd: string }) => void;
  readonly pollMs?: number;
}

export async function executeRerun(run: PlannedRun, hooks: RunHooks): Promise<RerunOutcome> {
  const privateDir = await mkdtemp(join(tmpdir(), 'mutant-lens-rerun-'));
  try {
    return await executeIn(privateDir, run, hooks);
  } finally {
    await rm(privateDir, { recursive: true, force: true });
  }
}

async function executeIn(privateDir: string, run: PlannedRun, hooks: RunHooks): Promise<RerunOutcome> {
  const progressFile = join(privateDir, 'progress.jsonl');
  await writeFile(progressFile, '');
  const { command, args, env } = await commandOf(run, privateDir, progressFile, hooks.node);
  const tail = new ProgressTail(progressFile, hooks.onProgress, (line) => {
    const result = liveResultOf(line, run.projectDir);
    if (result !== undefined) hooks.onMutantTested?.(result);
  });
  const timer = setInterval(() => void tail.poll(), hooks.pollMs ?? 250);
  const tempDir = run.kind === 'stryker' ? resolve(run.projectDir, run.stryker.tempDirName) : undefined;
  const entriesBefore = tempDir === undefined ? undefined : await entriesOf(tempDir);
  hooks.onStart({ command, args, cwd: run.projectDir });
  let result: Result<ProcessOutput, ProcessError>;
  try {
    result = await runProcess({ command, args, cwd: run.projectDir, env, signal: hooks.signal, timeoutMs: hooks.timeoutMs, onStdout: hooks.onOutput, onStderr: hooks.onOutput });
  } finally {
    clearInterval(timer);
  }
  if (run.kind === 'cargo-mutants') return cargoOutcome(result, privateDir, run, hooks.timeoutMs);
  const state = await tail.poll();
  const outcome = outcomeOf(result, state, run.kind === 'custom', hooks.timeoutMs);
  if (tempDir !== undefined && STOPPED.has(outcome.kind)) await removeNewSandboxes(tempDir, entriesBefore);
  return outcome;
}

/**
 * Runs stopped before Stryker could clean up. Stryker removes its sandbox after a run that
 * finishes and keeps it after one that fails (for debugging, unless `cleanTempDir` says
 * `always`); a run we cancel, or that times out or is killed, would leave a copy of the project.
 */
const STOPPED = new Set<RerunOutcome['kind']>(['cancelled', 'timeout', 'killed']);

/** Names in a folder; undefined when there is no such folder. */
async function entriesOf(dir: string): Promise<Set<string> | undefined> {
  const names = await readdir(dir).catch(() => undefined);
  return names === undefined ? undefined : new Set(names);
}

/**
 * Removes the `sandbox-*` folders that appeared in Stryker's temp folder during the run (links
 * inside, such as the linked node_modules, are removed as links), and the temp folder itself
 * when the run made it and it is now empty.
 */
async function removeNewSandboxes(tempDir: string, before: ReadonlySet<string> | undefined): Promise<void> {
  const now = await entriesOf(tempDir);
  if (now === undefined) return;
  const made = [...now].filter((name) => name.startsWith('sandbox-') && before?.has(name) !== true);
  await Promise.all(made.map((name) => rm(join(tempDir, name), { recursive: true, force: true })));
  if (before === undefined) await rmdir(tempDir).catch(() => undefined);
}

async function commandOf(run: PlannedRun, privateDir: string, progressFile: string, node: string): Promise<{ command: string; args: string[]; env: NodeJS.ProcessEnv }> {
  if (run.kind === 'custom') return { command: run.command, args: [...run.args], env: process.env };
  if (run.kind === 'cargo-mutants') return { command: run.command, args: cargoMutantsArgs(run.label, privateDir), env: process.env };
  const seedReport = isFile(run.reportFile) ? join(privateDir, 'seed.json') : undefined;
  if (seedReport !== undefined) await copyFile(run.reportFile, seedReport);
  const env = { ...process.env, [PROGRESS_FILE_ENV]: progressFile, [REPORT_FILE_ENV]: run.reportFile };
  return { command: node, args: strykerArgs({ ...run.stryker, seedReport }), env };
}

function outcomeOf(result: Result<ProcessOutput, ProcessError>, state: ProgressState, custom: boolean, timeoutMs: number): RerunOutcome {
  if (!result.ok) {
    if (result.error.kind === 'aborted') return { kind: 'cancelled' };
    if (result.error.kind === 'timeout') return { kind: 'timeout', minutes: Math.round(timeoutMs / 60_000) };
    return { kind: 'failed', detail: result.error.message };
  }
  const { exitCode, signal, stdout, stderr } = result.value;
  return classifyRun({ exitCode, signal, output: `${stdout}\n${stderr}`, reportWritten: state.reportWritten, score: state.score, custom });
}

/** A cargo-mutants run that wrote its results (exit 0, 2 or 3) is folded into the shown mutants.out. */
async function cargoOutcome(result: Result<ProcessOutput, ProcessError>, privateDir: string, run: Extract<PlannedRun, { kind: 'cargo-mutants' }>, timeoutMs: number): Promise<RerunOutcome> {
  if (!result.ok || result.value.exitCode === null || !CARGO_MUTANTS_RESULT_EXIT_CODES.has(result.value.exitCode)) return outcomeOf(result, INITIAL_PROGRESS, true, timeoutMs);
  const merged = await mergeCargoOutput(join(privateDir, 'mutants.out'), join(run.projectDir, 'mutants.out'), run.label);
  return merged ? { kind: 'success', score: undefined } : { kind: 'reportNotWritten', detail: 'cargo-mutants wrote no outcomes.json' };
}

/** Reads what was appended to the progress file since the last poll. */
class ProgressTail {
  private offset = 0;
  private state = INITIAL_PROGRESS;
  private readonly splitter = new LineSplitter();
  private readonly decoder = new StringDecoder('utf8');
  private reading: Promise<ProgressState> = Promise.resolve(INITIAL_PROGRESS);

  constructor(
    private readonly file: string,
    private readonly onProgress: (state: ProgressState) => void,
    private readonly onLine: (line: string) => void,
  ) {}

  poll(): Promise<ProgressState> {
    this.reading = this.reading.then(() => this.readMore());
    return this.reading;
  }

  private async readMore(): Promise<ProgressState> {
    const handle = await open(this.file, 'r');
    try {
      const { size } = await handle.stat();
      if (size <= this.offset) return this.state;
      const buffer = Buffer.alloc(size - this.offset);
      await handle.read(buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const before = this.state;
      for (const line of this.splitter.push(this.decoder.write(buffer))) {
        this.state = applyProgressLine(this.state, line);
        this.onLine(line);
      }
      if (this.state !== before) this.onProgress(this.state);
      return this.state;
    } finally {
      await handle.close();
    }
  }
}
