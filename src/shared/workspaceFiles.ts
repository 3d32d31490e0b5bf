import * as vscode from 'vscode';

/** Never searched for reports or coverage. */
export const NEVER_SEARCHED = '{**/node_modules/**,**/.stryker-tmp/**}';

/** Absolute paths of the workspace folders. */
export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
}

/** Every file matching one of the globs (relative to each workspace folder), once each. */
export async function findWorkspaceFiles(globs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const glob of globs) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), NEVER_SEARCHED)) found.add(uri.fsPath);
    }
  }
  return [...found];
}
