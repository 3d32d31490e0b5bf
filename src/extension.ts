import * as vscode from 'vscode';
import type { MutantLensApi } from './api';
import { createApi } from './apiImpl';
import { registerCoverageFeature } from './coverage/coverageFeature';
import { registerDashboardFeature } from './dashboard/dashboardFeature';
import { registerMutantHover } from './mutation/hover';
import { readSettings } from './shared/config';
import { createLog } from './shared/log';
import { registerMutationFeature } from './mutation/mutationFeature';
import { registerRerun } from './rerun/rerun';

export function activate(context: vscode.ExtensionContext): MutantLensApi {
  const log = createLog();
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('mutantLens.showLog', () => log.show(true)));
  const mutations = registerMutationFeature(context, log);
  const coverage = registerCoverageFeature(context, log);

  // compose: features (each feature registers itself here with one call; keep edits to this file minimal)
  registerMutantHover(context, { mutantQuery: mutations.query, log });
  registerRerun(context, { log, mutantQuery: mutations.query, changedLinesOf: coverage.changedLinesOf, reportPathFor: mutations.reportPathFor, live: mutations.live });
  registerDashboardFeature(context, { log, reports: mutations.reports, maxBytes: () => readSettings().maxReportSizeMB * 1024 * 1024 });

  log.info(`Mutant Lens ${String((context.extension.packageJSON as { version?: unknown }).version)} activated`);
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed, mutations.onDidChange(() => changed.fire()), coverage.onDidChange(() => changed.fire()));
  return createApi({
    query: mutations.query,
    store: mutations.store,
    uncoveredChangedLines: coverage.uncoveredChangedLines,
    coverageReports: coverage.reports,
    onDidChange: changed.event,
    settled: async () => {
      await mutations.settled();
      await coverage.settled();
    },
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
