import * as vscode from 'vscode';
import type { RerunResult } from './rerunRun';

/** Logs the message and shows it with a "Show Log" button, without waiting for the person to answer. */
export function tell(level: 'info' | 'warning' | 'error', outcome: RerunResult['outcome'], message: string, log: vscode.LogOutputChannel): RerunResult {
  log[level === 'warning' ? 'warn' : level](message);
  const show = level === 'info' ? vscode.window.showInformationMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  void show(message, 'Show Log').then((choice) => (choice === 'Show Log' ? log.show(true) : undefined));
  return { outcome, message };
}
