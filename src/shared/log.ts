import * as vscode from 'vscode';

/** The one log channel of the extension ("Mutant Lens" in the Output view, with levels). */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Mutant Lens', { log: true });
}
