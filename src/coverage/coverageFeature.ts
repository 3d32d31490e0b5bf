import type { LcovFileRead } from '../core/coverage/readLcovText';
import * as vscode from 'vscode';
import type { ReportState } from '../api';
import type { MarkOptions } from '../core/coverage/lineMarks';
import { onSettingsChanged, readSettings, SECTIONS, type Settings } from '../shared/config';
import type { Log } from '../shared/log';
import type { ChangedLines } from '../core/git/changedLines';
import type { LcovFile } from '../core/coverage/lcovTypes';
import { ChangedLinesService, type FolderChanges } from './changedLinesService';
import { sayRefusedGlobs } from '../shared/refusedGlobs';
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
  /** The git program's absolute path (resolved once, logged), or undefined when there is none. */
  readonly gitPath: () => Promise<string | undefined>;
  /** lcov data of a file, moved to its saved text. */
  readonly coverageOf: (file: string) => LcovFile | undefined;
  /** Lets the change feature extend the patch coverage status bar item. */
  readonly extendStatusBar: (extension: () => StatusExtension | undefined) => void;
  readonly redrawStatusBar: () => void;
}

/** Uncovered changed lines: lcov.info joined with the git diff against the base branch. */
export function registerCoverageFeature(context: vscode.ExtensionContext, log: Log, readLcov: (path: string, maxBytes: number) => Promise<LcovFileRead>): CoverageFeature {
  const sayRefused = sayRefusedGlobs(log, 'coverageReports');
  let settings: Settings = readSettings();
  sayRefused(settings);
  const current = (): Settings => settings;
  const coverage = new CoverageService(log, current, readLcov);
  const changes = new ChangedLinesService(log, current, () => foldersWithCoverage(coverage));
  const lines = new ChangeCoverage(coverage, changes, markOptions(settings));
  const decorations = new CoverageDecorations(lines, log);
  const statusBar = new CoverageStatusBar(lines, changes, () => coverage.reading());
  context.subscriptions.push(coverage, changes, lines, decorations, statusBar);
  const redraw = (): void => {
    decorations.refresh();
    statusBar.update(coverage.store.states());
  };
  context.subscriptions.push(
    lines.onDidChange(redraw),
    vscode.window.onDidChangeVisibleTextEditors(redraw),
    vscode.window.onDidChangeActiveTextEditor(redraw),
    registerCoverageHover(lines),
    vscode.commands.registerCommand('mutantLens.listUncoveredChangedLines', () => listUncoveredChangedLines(lines)),
    vscode.commands.registerCommand('mutantLens.pickDiffBase', () => pickDiffBase(settings, changes)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void coverage.start()),
    onCoverageFoldersChanged(coverage, () => changes.schedule()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('The workspace is trusted now: changed lines start');
      void changes.start();
      redraw();
    }),
    onSettingsChanged(SECTIONS.coverageFiles, () => {
      settings = readSettings();
      log.info('Coverage file settings changed: looking for lcov files again');
      sayRefused(settings);
      void coverage.rediscover();
    }),
    onSettingsChanged(SECTIONS.git, (event) => {
      settings = readSettings();
      if (event.affectsConfiguration('mutantLens.gitPath')) changes.git.reset();
      log.info('Diff base settings changed: computing the changed lines again');
      changes.schedule();
    }),
    onSettingsChanged(SECTIONS.coverageShown, () => {
      settings = readSettings();
      log.info('Coverage display settings changed: redrawing the marks');
      lines.setOptions(markOptions(settings));
    }),
  );
  // Redrawn once each has read for the first time: the item says "reading" until then.
  void coverage.start().then(redraw);
  void changes.start().then(redraw);
  return {
    uncoveredChangedLines: (file) => lines.current().marksOf(file).uncovered,
    changedLinesOf: async (file) => {
      const changed = await changes.linesOfOnDemand(file);
      return changed === 'all' ? undefined : changed;
    },
    reports: () =>
      coverage.store.states().map((state) => ({
        path: state.path,
        kind: 'coverage' as const,
        state: state.state,
        reason: state.reason,
        files: coverage.store.filesOf(state.path),
      })),
    onDidChange: lines.onDidChange,
    changedLines: () => changes.all(),
    folderStates: () => changes.folderStates(),
    gitPath: async () => {
      const git = await changes.git.path();
      return 'path' in git ? git.path : undefined;
    },
    coverageOf: (file) => lines.coverageOf(file),
    extendStatusBar: (extension) => statusBar.extend(extension),
    redrawStatusBar: () => statusBar.update(coverage.store.states()),
    settled: async () => {
      await coverage.settled();
      await changes.settled();
    },
  };
}

function markOptions(settings: Settings): MarkOptions {
  return { showCovered: settings.showCoveredChangedLines, showUnchanged: settings.showAllUncoveredLines };
}

/** The workspace folders that hold at least one coverage file (found, whether it parsed or not). */
function foldersWithCoverage(coverage: CoverageService): string[] {
  const folders = new Set<string>();
  for (const state of coverage.store.states()) {
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
