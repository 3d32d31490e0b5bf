import * as vscode from 'vscode';
import type { MutantLensApi } from '../../src/api';

export async function api(): Promise<MutantLensApi> {
  const extension = vscode.extensions.getExtension<MutantLensApi>('mutant-lens.mutant-lens');
  if (extension === undefined) throw new Error('Mutant Lens is not installed');
  const exports = await extension.activate();
  await exports.settled();
  return exports;
}

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Polls `probe` until it returns a value that `done` accepts, or fails after `timeoutMs` with the last value. */
export async function waitFor<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

export type DiagnosticRow = [line: number, start: number, endLine: number, end: number, severity: string, code: string, message: string];

/** Our diagnostics of a file as sortable rows (source checked to be Mutant Lens). */
export function diagnosticRows(uri: vscode.Uri): DiagnosticRow[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Mutant Lens')
    .map((d): DiagnosticRow => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, vscode.DiagnosticSeverity[d.severity], typeof d.code === 'object' ? String(d.code.value) : String(d.code), d.message])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[3] - b[3] || a[5].localeCompare(b[5]) || a[6].localeCompare(b[6]));
}
