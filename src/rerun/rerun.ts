/**
 * The rerun commands: "Rerun Mutation Testing on Current File", "... on Changed Lines",
 * "... Survivors", "Cancel Mutation Run". Each command resolves to a RerunResult (what happened,
 * and the message shown), which integration tests read back.
 */
import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { FileProbe } from '../core/rerun/project';
import { rangesAround, lineRanges, type LineRange } from '../core/rerun/ranges';
import { RunRegistry } from '../core/rerun/registry';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import type { RunEvents } from './runEvents';
import { readSettings } from '../shared/config';
import { tell, type RerunResult } from './rerunMessages';
import { runInProject, type RunContext } from './rerunRun';
import { isPython, runMutmut } from './mutmutRerun';

export type { RerunResult } from './rerunMessages';

export interface RerunDeps {
  readonly log: vscode.LogOutputChannel;
  readonly mutantQuery: MutantQuery;
  /** 0-based changed lines of a file against the diff base; undefined when unknown. */
  readonly changedLinesOf: (path: string) => Promise<readonly number[] | undefined>;
  /** The full report the watcher reads for a Stryker project, when one is configured. */
  readonly reportPathFor: (projectDir: string) => string | undefined;
  readonly runs: RunEvents;
}

type Mode = 'file' | 'changedLines' | 'survivors';
const SURVIVING = new Set(['Survived', 'NoCoverage']);
export const UNTRUSTED_MESSAGE =
  'Mutant Lens does not run Stryker in an untrusted workspace: running it executes the code of this workspace. Trust the workspace to rerun mutation testing.';

export function registerRerun(context: vscode.ExtensionContext, deps: RerunDeps): void {
  const registry = new RunRegistry((running) => void vscode.commands.executeCommand('setContext', 'mutantLens.rerunning', running));
  context.subscriptions.push(registry);
  const run: RunContext = { log: deps.log, registry, pluginPath: context.asAbsolutePath('dist/stryker-progress-reporter.js'), reportPathFor: deps.reportPathFor, probe: nodeProbe, runs: deps.runs };
  const command = (mode: Mode) => (uri?: unknown) => rerun(mode, uri instanceof vscode.Uri ? uri : undefined, deps, run);
  context.subscriptions.push(
    vscode.commands.registerCommand('mutantLens.rerunFile', command('file')),
    vscode.commands.registerCommand('mutantLens.rerunChangedLines', command('changedLines')),
    vscode.commands.registerCommand('mutantLens.rerunSurvivors', command('survivors')),
    vscode.commands.registerCommand('mutantLens.cancelRun', async (): Promise<RerunResult> => {
      const count = await registry.cancelAll();
      return count > 0 ? { outcome: 'cancelled', message: undefined } : tell('info', 'noRun', 'No mutation run is going on.', deps.log);
    }),
  );
}

async function rerun(mode: Mode, uri: vscode.Uri | undefined, deps: RerunDeps, run: RunContext): Promise<RerunResult> {
  if (!vscode.workspace.isTrusted) return tell('warning', 'untrusted', UNTRUSTED_MESSAGE, deps.log);
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (target?.scheme !== 'file') return tell('info', 'noFile', 'Open a JavaScript or TypeScript file to rerun mutation testing on it.', deps.log);
  const file = target.fsPath;
  const folder = vscode.workspace.getWorkspaceFolder(target)?.uri.fsPath;
  if (isPython(file)) return rerunMutmut(mode, file, folder, deps, run);
  const ranges = await rangesFor(mode, file, deps);
  if (typeof ranges === 'string') return tell('info', 'nothingToRun', ranges, deps.log);
  await vscode.workspace.saveAll(false);
  const settings = readSettings().rerun;
  return runInProject({ file, workspaceFolder: folder, ranges }, settings, run);
}

/** mutmut retests mutants by name: the file's (all in its `.meta`), its survivors', or those on changed lines. */
async function rerunMutmut(mode: Mode, file: string, folder: string | undefined, deps: RerunDeps, run: RunContext): Promise<RerunResult> {
  const name = vscode.workspace.asRelativePath(file);
  let shown: readonly ShownMutantDetail[] | undefined;
  if (mode === 'survivors') shown = deps.mutantQuery.mutantsIn(file).filter((m) => SURVIVING.has(m.mutant.status));
  if (mode === 'changedLines') {
    const lines = await deps.changedLinesOf(file);
    if (lines === undefined) return tell('info', 'nothingToRun', `The changed lines of ${name} are unknown (is it in a git repository?).`, deps.log);
    shown = deps.mutantQuery.mutantsIn(file).filter((m) => lines.some((line) => line >= m.range.start.line && line <= m.range.end.line));
  }
  if (shown !== undefined && shown.length === 0) return tell('info', 'nothingToRun', `${name} shows no mutants to rerun${mode === 'survivors' ? ' (no survivors)' : ' on its changed lines'}.`, deps.log);
  await vscode.workspace.saveAll(false);
  return runMutmut({ file, workspaceFolder: folder, shown }, readSettings().rerun, run);
}

/** The lines to retest, or why there are none. */
async function rangesFor(mode: Mode, file: string, deps: RerunDeps): Promise<readonly LineRange[] | undefined | string> {
  const name = vscode.workspace.asRelativePath(file);
  if (mode === 'file') return undefined;
  if (mode === 'changedLines') {
    const lines = await deps.changedLinesOf(file);
    if (lines === undefined) return `The changed lines of ${name} are unknown (is it in a git repository?).`;
    return lines.length === 0 ? `${name} has no changed lines.` : lineRanges(lines);
  }
  const survivors = deps.mutantQuery.mutantsIn(file).filter((m) => SURVIVING.has(m.mutant.status));
  return survivors.length === 0 ? `${name} shows no surviving mutants.` : rangesAround(survivors.map((m) => m.range));
}

const nodeProbe: FileProbe = {
  exists: async (path) => (await stat(path).catch(() => undefined)) !== undefined,
  readFile: (path) => readFile(path, 'utf8').catch(() => undefined),
};
