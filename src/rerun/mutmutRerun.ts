/** The rerun commands on a Python file with mutmut results: `mutmut run <names>` of that file's mutants. */
import * as vscode from 'vscode';
import { outcomeMessage, stripAnsi, type RerunOutcome } from '../core/rerun/outcome';
import { executeMutmut, findMutmutBin, findMutmutProject, mutantNamesOfFile, mutmutArgs, mutmutOutcomeMessage, mutmutProgress } from '../core/mutation/tools/mutmut/rerun';
import { LineSplitter } from '../core/rerun/progress';
import { formatCommandLine } from '../core/shared/process';
import type { ShownMutantDetail } from '../core/mutation/shown';
import type { RerunSettings } from '../shared/config';
import { tell, type RerunResult } from './rerunMessages';
import type { RunContext } from './rerunRun';

export interface MutmutTarget {
  readonly file: string;
  readonly workspaceFolder: string | undefined;
  /** Only these mutants (undefined: every mutant of the file in its `.meta`). */
  readonly shown: readonly ShownMutantDetail[] | undefined;
}

/** Python files are rerun with mutmut (StrykerJS does not test them). */
export function isPython(file: string): boolean {
  return /\.pyi?$/.test(file);
}

export async function runMutmut(target: MutmutTarget, settings: RerunSettings, ctx: RunContext): Promise<RerunResult> {
  const label = vscode.workspace.asRelativePath(target.file);
  const project = await findMutmutProject(target.file, ctx.probe, target.workspaceFolder);
  if (project === undefined) return tell('info', 'nothingToRun', `${label} has no mutmut results to rerun: run \`mutmut run\` in its project first.`, ctx.log);
  const names = target.shown?.map((m) => m.mutant.id) ?? (await mutantNamesOfFile(project.meta, ctx.probe));
  if (names === undefined || names.length === 0) return tell('info', 'nothingToRun', `${label} has no mutmut mutants to rerun.`, ctx.log);
  const bin = await findMutmutBin(project.dir, target.workspaceFolder, process.env.PATH, ctx.probe);
  if (bin === undefined) return told({ kind: 'notInstalled' }, label, ctx);
  if (ctx.registry.active(project.dir) !== undefined) {
    const restart = 'Cancel and Restart';
    const question = `Mutation testing of ${ctx.registry.active(project.dir)?.label ?? ''} is still running in this project. Cancel it and test ${label} instead?`;
    if ((await vscode.window.showWarningMessage(question, restart)) !== restart) return { outcome: 'declined', message: undefined };
    await ctx.registry.cancel(project.dir);
  }
  const outcome = await ctx.registry.start(project.dir, label, (signal) => Promise.resolve(withProgress(bin, project.dir, names, label, settings, signal, ctx)));
  return told(outcome, label, ctx);
}

function withProgress(bin: string, dir: string, names: readonly string[], label: string, settings: RerunSettings, signal: AbortSignal, ctx: RunContext): Thenable<RerunOutcome> {
  const options = { location: vscode.ProgressLocation.Notification, title: `mutmut: mutation testing ${label}`, cancellable: true };
  return vscode.window.withProgress(options, async (progress, token) => {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    const cancelled = token.onCancellationRequested(abort);
    const lines = new LineSplitter();
    let done = 0;
    ctx.log.info(`Running in ${dir}: ${formatCommandLine(bin, mutmutArgs(names))}`);
    try {
      return await executeMutmut(bin, dir, names, {
        signal: controller.signal,
        timeoutMs: settings.timeoutMs,
        onOutput: (text) => {
          const state = mutmutProgress(text);
          if (state !== undefined && state.total > 0) {
            const percent = (100 * state.tested) / state.total;
            progress.report({ message: `${state.tested}/${state.total} mutants tested`, increment: percent - done });
            done = percent;
          }
          for (const line of lines.push(text.replace(/\r/g, '\n'))) if (!/^\s*[⠀-⣿]/u.test(line)) ctx.log.info(stripAnsi(line));
        },
      });
    } finally {
      cancelled.dispose();
      signal.removeEventListener('abort', abort);
    }
  });
}

function told(outcome: RerunOutcome, label: string, ctx: RunContext): RerunResult {
  const message = mutmutOutcomeMessage(outcome, label) ?? outcomeMessage(outcome, label);
  if (message === undefined) {
    ctx.log.info(`mutmut finished testing ${label}; its results are read again from mutants/`);
    return { outcome: outcome.kind, message };
  }
  return tell(outcome.kind === 'cancelled' ? 'info' : 'error', outcome.kind, message, ctx.log);
}
