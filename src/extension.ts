import * as vscode from 'vscode';
import type { MutantLensApi } from './api';
import { createLog } from './log';

export function activate(context: vscode.ExtensionContext): MutantLensApi {
  const log = createLog();
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('mutantLens.showLog', () => log.show(true)));
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed);

  // compose: features (each feature registers itself here with one call; keep edits to this file minimal)

  log.info(`Mutant Lens ${String(context.extension.packageJSON.version)} activated`);
  return Object.freeze({
    apiVersion: 1 as const,
    getMutants: () => [],
    getUncoveredChangedLines: () => [],
    getReports: () => [],
    onDidChange: changed.event,
    settled: () => Promise.resolve(),
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
