import * as vscode from 'vscode';
import { onSettingsChanged, readSettings, SECTIONS, type Settings } from '../shared/config';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import type { MutantScope } from './mutantScope';
import type { ReportStore } from '../core/mutation/store/reportStore';
import { registerMutantCodeActions } from './codeActions';
import { MutantDecorations } from './decorations';
import { MutantDiagnostics } from './diagnostics';
import type { Log } from '../shared/log';
import { registerMutantHover } from './hover';
import { LiveStatuses } from './liveStatuses';
import { registerMutantDiffView } from './mutantDiffView';
import type { RunEvent } from '../rerun/runEvents';
import { MutantView } from './mutantView';
import { nextTurn, Pending } from '../shared/pending';
import { sayRefusedGlobs } from '../shared/refusedGlobs';
import { showReportList } from './reportList';
import { ReportService } from './reports';
import { ScoreStatusBar } from './statusBar';

export interface MutationFeature {
  readonly store: ReportStore;
  readonly query: MutantQuery;
  /** Fires when the shown mutants of any file changed. */
  readonly onDidChange: vscode.Event<void>;
  readonly settled: () => Promise<void>;
  /** Whether loads, placements or Problems updates are still in flight (what `settled` waits for). */
  readonly busy: () => boolean;
  /** The JSON mutation report of a Stryker project folder, if one is loaded. */
  readonly reportPathFor: (projectDir: string) => string | undefined;
  /** Every mutant of a file (all statuses), placed in its current text. */
  readonly everyMutantIn: (path: string) => readonly ShownMutantDetail[];
  readonly currentTextOf: (path: string) => string | undefined;
  /** The reports service, for sources that are not workspace files (the Dashboard). */
  readonly reports: ReportService;
}

/** Surviving mutants from the reports on disk: editor markers, Problems panel, status bar, report list, hover, diff view, code actions. */
/** `runs`: what the reruns tell while they run, shown over the reports' statuses until their report is loaded. */
export function registerMutationFeature(context: vscode.ExtensionContext, log: Log, runs: vscode.Event<RunEvent>, scope: MutantScope): MutationFeature {
  const sayRefused = sayRefusedGlobs(log, 'mutationReports');
  let settings: Settings = readSettings();
  sayRefused(settings);
  const current = (): Settings => settings;
  const pending = new Pending();
  const reports = new ReportService(log, current, vscode.Uri.joinPath(context.extensionUri, 'dist', 'reportWorker.js').fsPath);
  const live = new LiveStatuses(runs, reports.onDidLoad);
  const view = new MutantView(reports.store, current, live, log);
  const diagnostics = new MutantDiagnostics(view, current, scope);
  const decorations = new MutantDecorations(vscode.Uri.joinPath(context.extensionUri, 'media'), view, scope);
  const statusBar = new ScoreStatusBar(reports.store);
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(reports, live, view, diagnostics, decorations, statusBar, changed);

  context.subscriptions.push(
    // The view announces every refresh (the status bar is updated there, once per report).
    reports.onDidChange((files) => void pending.track(view.refreshFromDisk(files))),
    view.onDidChange((files) => {
      void pending.track(diagnostics.update(files));
      decorations.refresh(files);
      statusBar.update();
      changed.fire();
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.refresh()),
    scope.onDidChange(() => {
      void pending.track(diagnostics.update(reports.store.coveredFiles()));
      decorations.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void pending.track(reports.start())),
    onSettingsChanged(SECTIONS.mutation, () => {
      settings = readSettings();
      log.info('Mutation settings changed: placing the mutants again and looking for reports');
      sayRefused(settings);
      view.invalidateAll();
      void pending.track(reports.rediscover());
    }),
    registerMutantHover(view),
    vscode.commands.registerCommand('mutantLens.listReports', () => showReportList(reports.store)),
    vscode.commands.registerCommand('mutantLens.toggleMarkers', () => {
      const visible = decorations.toggle();
      log.info(`Mutant markers ${visible ? 'shown' : 'hidden'}`);
    }),
  );
  registerMutantDiffView(context, { mutantQuery: view, log });
  registerMutantCodeActions(context, { mutantQuery: view, log });
  // After activate() returns: discovery starts on the next turn.
  void pending.track(nextTurn().then(() => reports.start()));

  return {
    store: reports.store,
    query: view,
    everyMutantIn: (path) => view.everyMutantIn(path),
    currentTextOf: (path) => view.currentTextOf(path),
    reports,
    onDidChange: changed.event,
    settled: async () => {
      await reports.settled();
      await pending.idle();
    },
    busy: () => pending.busy() || reports.store.all().some((entry) => entry.status === 'loading'),
    reportPathFor: (projectDir) =>
      reports.store.all().find((entry) => entry.candidate.packageDir === projectDir && entry.candidate.format === 'json' && entry.candidate.tool === 'stryker-js')?.candidate.path,
  };
}
