import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MutantLensApi, ShownMutant } from '../../../src/api';

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.notEqual(folder, undefined);
  return vscode.Uri.joinPath(folder!.uri, relativePath);
}

export async function api(): Promise<MutantLensApi> {
  const extension = vscode.extensions.getExtension<MutantLensApi>('mutant-lens.mutant-lens');
  assert.notEqual(extension, undefined);
  return extension!.activate();
}

/** Polls `read` until `done` holds, failing after the deadline with the last value. */
export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) assert.fail(`condition not met within ${ms} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Opens a file in an editor and waits until its mutants and diagnostics are shown. */
export async function openWithMutants(relativePath: string): Promise<{ uri: vscode.Uri; mutants: readonly ShownMutant[] }> {
  const uri = workspaceFile(relativePath);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const lens = await api();
  await lens.settled();
  const mutants = await until(() => lens.getMutants(uri), (m) => m.length > 0);
  await until(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.source === 'Mutant Lens'));
  return { uri, mutants };
}

/** The shown mutant with this mutator whose range starts at the 0-based position. */
export function mutantAt(mutants: readonly ShownMutant[], mutatorName: string, line: number, character: number): ShownMutant {
  const found = mutants.filter((m) => m.mutatorName === mutatorName && m.range.start.line === line && m.range.start.character === character);
  assert.equal(found.length, 1, `${mutatorName} at ${line}:${character}`);
  return found[0]!;
}

/** The query of a command link: exactly what the extension must produce (see links.ts). */
export function encodeArgs(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[()!*'~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function refArgs(uri: vscode.Uri, mutant: ShownMutant): string {
  return encodeArgs([{ path: uri.fsPath, report: mutant.report, id: mutant.id }]);
}

export async function hoverTexts(uri: vscode.Uri, line: number, character: number): Promise<string[][]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hovers
    .map((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((contents) => /^\*\*\w+\*\* · /.test(contents[0] ?? ''));
}

/** The links line the extension must give: diff, rerun (when that command exists), disable. */
export async function linksLine(uri: vscode.Uri, mutant: ShownMutant, disable = true): Promise<string> {
  const ref = refArgs(uri, mutant);
  const links = [`[Open diff](command:mutantLens.openMutantDiff?${ref})`];
  if ((await vscode.commands.getCommands(true)).includes('mutantLens.rerunFile')) {
    links.push(`[Rerun this file](command:mutantLens.rerunFile?${encodeArgs([uri])})`);
  }
  if (disable) links.push(`[Disable with comment](command:mutantLens.disableMutant?${ref})`);
  return links.join(' · ');
}
