import * as vscode from 'vscode';
import type { ReportState } from '../api';
import { onSettingsChanged, readSettings, type Settings } from '../shared/config';
import type { Log } from '../shared/log';
import type { ChangedLines } from '../core/git/changedLines';
import type { LcovFile } from '../core/coverage/lcovTypes';
import { ChangedLinesService, type FolderChanges } from './changedLinesService';
import { ChangeCoverage } from './changeCoverage';
import { listUncoveredChangedLines, pickDiffBase } from './coverageCommands';
import { CoverageDecorations } from './coverageDecorations';
import { registerCoverageHover } from './coverageHover';
import { CoverageService } from './coverageService';
import { CoverageStatusBar, type StatusExtension } from './coverageStatusBar';

export interface CoverageFeature {
  readonly uncoveredChangedLines: (file: string) => readonly number[];
  readonly changedLinesOf: (file: string) => Promise<readonly number[] | undefined>;
  readonly reports: () => readonly ReportState[];
  readonly onDidChange: vscode.Event<void>;
  readonly settled: () => Promise<void>;
  /** Changed lines of every workspace folder against its base (absolute path → 0-based lines or 'all'). */
  readonly changedLines: () => ChangedLines;
  /** The diff base and any git problem, per workspace folder. */
  readonly folderStates: () => readonly FolderChanges[];
  /** lcov data of a file, moved to its saved text. */
  readonly coverageOf: (file: string) => LcovFile | undefined;
  /** Lets the change feature extend the patch coverage status bar item. */
  readonly extendStatusBar: (extension: () => StatusExtension | undefined) => void;
  readonly redrawStatusBar: () => void;
}

/** Uncovered changed lines: lcov.info joined with the git diff against the base branch. */
export function registerCoverageFeature(context: vscode.ExtensionContext, log: Log): CoverageFeature {
  let settings: Settings = readSettings();
  const current = (): Settings => settings;
  const coverage = new CoverageService(log, current);
  const changes = new ChangedLinesService(log, current);
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
    vscode.commands.registerCommand('mutantLens.pickDiffBase', () => pickDiffBase(settings)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      void coverage.start();
      changes.schedule();
    }),
    onSettingsChanged(() => {
      settings = readSettings();
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
      await changes.settled();
      const changed = changes.linesOf(file);
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
    changedLines: () => changes.all(),
    folderStates: () => changes.folderStates(),
    coverageOf: (file) => lines.coverageOf(file),
    extendStatusBar: (extension) => statusBar.extend(extension),
    redrawStatusBar: () => statusBar.update(coverage.states().length > 0),
    settled: async () => {
      await coverage.settled();
      await changes.settled();
    },
  };
}
