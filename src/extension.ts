import * as vscode from 'vscode';
import type { MutantLensApi } from './api';
import { createApi } from './apiImpl';
import { registerMutantHover } from './hover';
import { createLog } from './log';
import { registerMutationFeature } from './mutationFeature';
import { registerRerun } from './runner/rerun';

export function activate(context: vscode.ExtensionContext): MutantLensApi {
  const log = createLog();
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('mutantLens.showLog', () => log.show(true)));
  const mutations = registerMutationFeature(context, log);

  // compose: features (each feature registers itself here with one call; keep edits to this file minimal)
  registerMutantHover(context, { mutantQuery: mutations.query, log });
  // TODO(wire): changedLinesOf and reportPathFor are stubs until the git and report-store features provide them.
  registerRerun(context, { log, mutantQuery: mutations.query, changedLinesOf: async () => undefined, reportPathFor: () => undefined });

  log.info(`Mutant Lens ${String((context.extension.packageJSON as { version?: unknown }).version)} activated`);
  return createApi({
    query: mutations.query,
    store: mutations.store,
    uncoveredChangedLines: () => [],
    coverageReports: () => [],
    onDidChange: mutations.onDidChange,
    settled: () => mutations.settled(),
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
