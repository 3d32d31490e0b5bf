import * as vscode from 'vscode';
import { onSettingsChanged, readSettings, type Settings } from '../shared/config';
import type { MutantQuery } from '../core/mutation/shown';
import type { ReportStore } from '../core/mutation/store/reportStore';
import { MutantDecorations } from './decorations';
import { MutantDiagnostics } from './diagnostics';
import type { Log } from '../shared/log';
import { LiveStatuses } from './liveStatuses';
import { MutantView } from './mutantView';
import { Pending } from '../shared/pending';
import { showReportList } from './reportList';
import { ReportService } from './reports';
import { ScoreStatusBar } from './statusBar';

export interface MutationFeature {
  readonly store: ReportStore;
  readonly query: MutantQuery;
  /** Fires when the shown mutants of any file changed. */
  readonly onDidChange: vscode.Event<void>;
  readonly settled: () => Promise<void>;
  /** The JSON mutation report of a Stryker project folder, if one is loaded. */
  readonly reportPathFor: (projectDir: string) => string | undefined;
  /** Statuses of a running rerun, shown until its report is loaded. */
  readonly live: LiveStatuses;
  /** The reports service, for sources that are not workspace files (the Dashboard). */
  readonly reports: ReportService;
}

/** Surviving mutants from the reports on disk: editor markers, Problems panel, status bar, report list. */
export function registerMutationFeature(context: vscode.ExtensionContext, log: Log): MutationFeature {
  let settings: Settings = readSettings();
  const current = (): Settings => settings;
  const pending = new Pending();
  const reports = new ReportService(log, current);
  const live = new LiveStatuses();
  const view = new MutantView(reports.store, current, live);
  const diagnostics = new MutantDiagnostics(view, current);
  const decorations = new MutantDecorations(vscode.Uri.joinPath(context.extensionUri, 'media'), view);
  const statusBar = new ScoreStatusBar(reports.store);
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(reports, live, view, diagnostics, decorations, statusBar, changed);

  context.subscriptions.push(
    reports.onDidChange((files) => {
      live.forget(files, false);
      statusBar.update();
      void pending.track(view.refreshFromDisk(files));
    }),
    view.onDidChange((files) => {
      diagnostics.update(files);
      decorations.refresh(files);
      statusBar.update();
      changed.fire();
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void pending.track(reports.start())),
    onSettingsChanged(() => {
      settings = readSettings();
      view.invalidateAll();
      void pending.track(reports.rediscover());
    }),
    vscode.commands.registerCommand('mutantLens.listReports', () => showReportList(reports.store)),
    vscode.commands.registerCommand('mutantLens.toggleMarkers', () => {
      const visible = decorations.toggle();
      void vscode.commands.executeCommand('setContext', 'mutantLens.markersVisible', visible);
      log.info(`Mutant markers ${visible ? 'shown' : 'hidden'}`);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'mutantLens.markersVisible', true);
  void pending.track(reports.start());

  return {
    store: reports.store,
    query: view,
    live,
    reports,
    onDidChange: changed.event,
    settled: async () => {
      await reports.settled();
      await pending.idle();
    },
    reportPathFor: (projectDir) =>
      reports.store.all().find((entry) => entry.candidate.packageDir === projectDir && entry.candidate.format === 'json' && entry.candidate.tool === 'stryker-js')?.candidate.path,
  };
}
