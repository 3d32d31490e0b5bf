import * as vscode from 'vscode';
import type { MutantLensApi } from './api';
import { createApi } from './apiImpl';
import { createChangeScope, registerChangeFeature } from './change/changeFeature';
import { registerCoverageFeature } from './coverage/coverageFeature';
import { registerDashboardFeature } from './dashboard/dashboardFeature';
import { readSettings } from './shared/config';
import { createLog } from './shared/log';
import { gateProcessesOnTrust } from './shared/trust';
import { registerMutationFeature } from './mutation/mutationFeature';
import { registerTestHooks } from './mutation/testHooks';
import { registerRerun } from './rerun/rerun';
import { RunEvents } from './rerun/runEvents';

export function activate(context: vscode.ExtensionContext): MutantLensApi {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const log = createLog();
  context.subscriptions.push(log, gateProcessesOnTrust());
  context.subscriptions.push(vscode.commands.registerCommand('mutantLens.showLog', () => log.show(true)));
  const runs = new RunEvents();
  context.subscriptions.push(runs);
  const scope = createChangeScope(context);
  // The three features read the settings once between them (readSettings keeps them for the turn).
  const mutations = registerMutationFeature(context, log, runs.onDidRun, scope);
  // The report worker reads the lcov files too (off the extension host's thread).
  const coverage = registerCoverageFeature(context, log, (path, maxBytes) => mutations.reports.readLcov(path, maxBytes));
  const change = registerChangeFeature(context, { log, mutations, coverage, scope });

  // compose: features (each feature registers itself here with one call; keep edits to this file minimal)
  registerRerun(context, { log, mutantQuery: mutations.query, changedLinesOf: coverage.changedLinesOf, reportPathFor: mutations.reportPathFor, runs });
  registerDashboardFeature(context, { log, reports: mutations.reports, maxBytes: () => readSettings().maxReportSizeMB * 1024 * 1024 });
  registerTestHooks(context, mutations.store);

  log.info(`Mutant Lens ${String((context.extension.packageJSON as { version?: unknown }).version)} activated`);
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed, mutations.onDidChange(() => changed.fire()), coverage.onDidChange(() => changed.fire()));
  const api = createApi({
    query: mutations.query,
    store: mutations.store,
    uncoveredChangedLines: coverage.uncoveredChangedLines,
    coverageReports: coverage.reports,
    change,
    onDidChange: changed.event,
    settled: async () => {
      await mutations.settled();
      await coverage.settled();
      await change.settled();
    },
  });
  // The bench reads this line (the activation row); activate() only composes, the work starts later.
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  log.info(`activate() took ${(performance.now() - started).toFixed(1)} ms (CPU ${cpuMs.toFixed(1)} ms)`);
  return api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
