import * as vscode from 'vscode';
import type { RerunOutcome } from '../core/rerun/outcome';

/** What a rerun command resolved to, and the message shown (integration tests read it back). */
export interface RerunResult {
  readonly outcome: RerunOutcome['kind'] | 'untrusted' | 'noFile' | 'nothingToRun' | 'noRun' | 'declined';
  /** The message shown to the user, if any. */
  readonly message: string | undefined;
}

/** Logs the message and shows it with a "Show Log" button, without waiting for the person to answer. */
export function tell(level: 'info' | 'warning' | 'error', outcome: RerunResult['outcome'], message: string, log: vscode.LogOutputChannel): RerunResult {
  log[level === 'warning' ? 'warn' : level](message);
  const show = level === 'info' ? vscode.window.showInformationMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void show(message, 'Show Log').then((choice) => (choice === 'Show Log' ? log.show(true) : undefined));
  return { outcome, message };
}
