/** One rerun in a project: one at a time, a cancellable progress notification, the outcome told. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { findProgram } from '../core/rerun/cargoMutants';
import { workspaceFolderPaths } from '../shared/workspaceFiles';
import { executeRerun } from '../core/rerun/execute';
import { outcomeMessage, stripAnsi, type RerunOutcome } from '../core/rerun/outcome';
import { planRerun, type PlannedRun, type RerunTarget } from '../core/rerun/plan';
import { INITIAL_PROGRESS, LineSplitter, progressText, type ProgressState } from '../core/rerun/progress';
import type { FileProbe } from '../core/rerun/project';
import type { RunRegistry } from '../core/rerun/registry';
import { formatCommandLine } from '../core/shared/process';
import { tell, type RerunResult } from './rerunMessages';
import type { RerunSettings } from '../shared/config';
import type { RunEvents } from './runEvents';

export interface RunContext {
  readonly log: vscode.LogOutputChannel;
  readonly registry: RunRegistry;
  readonly pluginPath: string;
  readonly probe: FileProbe;
  readonly reportPathFor: (projectDir: string) => string | undefined;
  /** Where each tested mutant's status, and the run's end, are told. */
  readonly runs: RunEvents;
}

const DEFAULT_REPORT = ['reports', 'mutation', 'mutation.json'];

/** Where rustup and `cargo install` put cargo when PATH (of an editor started from a desktop) lacks it. */
function cargoBinDirs(): string[] {
  const home = process.env.CARGO_HOME;
  return [...(home !== undefined && home !== '' ? [join(home, 'bin')] : []), join(homedir(), '.cargo', 'bin')];
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function runInProject(target: RerunTarget, settings: RerunSettings, ctx: RunContext): Promise<RerunResult> {
  const planned = await planRerun(target, {
    probe: ctx.probe,
    pluginPath: ctx.pluginPath,
    customTemplate: settings.commandTemplate,
    reportPathFor: (dir) => ctx.reportPathFor(dir) ?? vscode.Uri.joinPath(vscode.Uri.file(dir), ...DEFAULT_REPORT).fsPath,
    findCargo: () => findProgram('cargo', process.env.PATH, cargoBinDirs(), workspaceFolderPaths(), isExecutable),
  });
  if (!planned.ok) return told(planned.error, vscode.workspace.asRelativePath(target.file), ctx);
  const run = planned.value;
  const active = ctx.registry.active(run.projectDir);
  if (active !== undefined) {
    const restart = 'Cancel and Restart';
    const question = `Mutation testing of ${active.label} is still running in this project. Cancel it and test ${run.label} instead?`;
    if ((await vscode.window.showWarningMessage(question, restart)) !== restart) return { outcome: 'declined', message: undefined };
    await ctx.registry.cancel(run.projectDir);
    if (ctx.registry.active(run.projectDir) !== undefined) return { outcome: 'declined', message: undefined };
  }
  const outcome = await ctx.registry.start(run.projectDir, run.label, (signal) => Promise.resolve(withProgress(run, settings, signal, ctx)));
  return told(outcome, run.label, ctx);
}

function withProgress(run: PlannedRun, settings: RerunSettings, signal: AbortSignal, ctx: RunContext): Thenable<RerunOutcome> {
  const options = { location: vscode.ProgressLocation.Notification, title: `Mutation testing ${run.label}`, cancellable: true };
  return vscode.window.withProgress(options, async (progress, token) => {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    const cancelled = token.onCancellationRequested(abort);
    const lines = new LineSplitter();
    const testedFiles = new Set<string>();
    let reportWritten = false;
    let done = 0;
    progress.report({ message: progressText(INITIAL_PROGRESS) });
    try {
      const outcome = await executeRerun(run, {
        signal: controller.signal,
        timeoutMs: settings.timeoutMs,
        node: 'node',
        onStart: ({ command, args, cwd }) => ctx.log.info(`Running in ${cwd}: ${formatCommandLine(command, args)}`),
        onOutput: (text) => lines.push(text).forEach((line) => ctx.log.info(stripAnsi(line))),
        onProgress: (state: ProgressState) => {
          const percent = state.total ? (100 * state.tested) / state.total : 0;
          progress.report({ message: progressText(state), increment: percent - done });
          done = percent;
        },
        onMutantTested: (result) => {
          testedFiles.add(result.file);
          ctx.runs.publish({ kind: 'tested', result });
        },
      });
      reportWritten = outcome.kind === 'success' || outcome.kind === 'belowBreak';
      return outcome;
    } finally {
      ctx.runs.publish({ kind: 'ended', files: testedFiles, reportWritten });
      cancelled.dispose();
      signal.removeEventListener('abort', abort);
    }
  });
}

function told(outcome: RerunOutcome, label: string, ctx: RunContext): RerunResult {
  const message = outcomeMessage(outcome, label);
  if (message === undefined) {
    ctx.log.info(`Mutation testing of ${label} finished${outcome.kind === 'success' && outcome.score !== undefined ? `: score ${outcome.score.toFixed(2)}%` : ''}`);
    return { outcome: outcome.kind, message };
  }
  const level = outcome.kind === 'cancelled' ? 'info' : outcome.kind === 'belowBreak' ? 'warning' : 'error';
  return tell(level, outcome.kind, message, ctx.log);
}
