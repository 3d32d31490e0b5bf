import * as vscode from 'vscode';
import type { ReportState } from '../api';
import { onSettingsChanged, readSettings, type Settings } from '../shared/config';
import type { Log } from '../shared/log';
import { ChangedLinesService } from './changedLinesService';
import { ChangeCoverage } from './changeCoverage';
import { listUncoveredChangedLines, pickDiffBase } from './coverageCommands';
import { CoverageDecorations } from './coverageDecorations';
import { registerCoverageHover } from './coverageHover';
import { CoverageService } from './coverageService';
import { CoverageStatusBar } from './coverageStatusBar';

export interface CoverageFeature {
  readonly uncoveredChangedLines: (file: string) => readonly number[];
  readonly changedLinesOf: (file: string) => Promise<readonly number[] | undefined>;
  readonly reports: () => readonly ReportState[];
  readonly onDidChange: vscode.Event<void>;
  readonly settled: () => Promise<void>;
}

/** Uncovered changed lines: lcov.info joined with the git diff against the base branch. */
export function registerCoverageFeature(context: vscode.ExtensionContext, log: Log): CoverageFeature {
  let settings: Settings = readSettings();
  const current = (): Settings => settings;
  const coverage = new CoverageService(log, current);
  const changes = new ChangedLinesService(log, current, () => foldersWithCoverage(coverage));
  const lines = new ChangeCoverage(coverage, changes);
  const decorations = new CoverageDecorations(lines, current);
  const statusBar = new CoverageStatusBar(lines, changes);
  context.subscriptions.push(coverage, changes, lines, decorations, statusBar);
  const redraw = (): void => {
    decorations.refresh();
    statusBar.update(coverage.states().length > 0);
  };
  context.subscriptions.push(
    lines.onDidChange(redraw),
    vscode.window.onDidChangeVisibleTextEditors(redraw),
    vscode.window.onDidChangeActiveTextEditor(redraw),
    registerCoverageHover(lines, coverage, changes, current),
    vscode.commands.registerCommand('mutantLens.listUncoveredChangedLines', () => listUncoveredChangedLines(lines)),
    vscode.commands.registerCommand('mutantLens.pickDiffBase', () => pickDiffBase(settings, changes)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void coverage.start()),
    onCoverageFoldersChanged(coverage, () => changes.schedule()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('The workspace is trusted now: changed lines start');
      void changes.start();
      redraw();
    }),
    onSettingsChanged((event) => {
      settings = readSettings();
      if (event.affectsConfiguration('mutantLens.gitPath')) changes.git.reset();
      void coverage.discover();
      changes.schedule();
      redraw();
    }),
  );
  void coverage.start();
  void changes.start();
  return {
    uncoveredChangedLines: (file) => lines.linesOf(file).uncovered,
    changedLinesOf: async (file) => {
      const changed = await changes.linesOfOnDemand(file);
      return changed === 'all' ? undefined : changed;
    },
    reports: () =>
      coverage.states().map((state) => ({
        path: state.path,
        kind: 'coverage' as const,
        state: state.state,
        reason: state.reason,
        files: coverage.filesOf(state.path),
      })),
    onDidChange: lines.onDidChange,
    settled: async () => {
      await coverage.settled();
      await changes.settled();
    },
  };
}

/** The workspace folders that hold at least one coverage file (found, whether it parsed or not). */
function foldersWithCoverage(coverage: CoverageService): string[] {
  const folders = new Set<string>();
  for (const state of coverage.states()) {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(state.path));
    if (folder !== undefined) folders.add(folder.uri.fsPath);
  }
  return [...folders].sort();
}

/** Fires when the set of folders with coverage changes (a first lcov file appears, the last one goes). */
function onCoverageFoldersChanged(coverage: CoverageService, listener: () => void): vscode.Disposable {
  let last = '';
  return coverage.onDidChange(() => {
    const now = foldersWithCoverage(coverage).join('\n');
    if (now === last) return;
    last = now;
    listener();
  });
}
