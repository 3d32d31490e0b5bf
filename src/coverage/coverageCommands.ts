import * as path from 'node:path';
import * as vscode from 'vscode';
import { listBranches } from '../core/git/gitCli';
import { label } from '../core/shared/sanitize';
import type { Settings } from '../shared/config';
import type { ChangeCoverage } from './changeCoverage';
import type { ChangedLinesService } from './changedLinesService';

interface LinePick extends vscode.QuickPickItem {
  readonly file: string;
  readonly line: number;
}

/** "List Uncovered Changed Lines": every changed line that never ran, in a quick pick that opens it. */
export async function listUncoveredChangedLines(lines: ChangeCoverage): Promise<void> {
  const picks: LinePick[] = lines.current().uncoveredEverywhere().map(([file, line]) => ({ label: `${label(relative(file))}:${line + 1}`, file, line }));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('Mutant Lens: every changed line that is code ran in a test.');
    return;
  }
  const picked = await vscode.window.showQuickPick(picks, { title: 'Changed lines that never ran in a test', matchOnDescription: true });
  if (picked === undefined) return;
  const position = new vscode.Position(picked.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.file(picked.file), { selection: new vscode.Range(position, position) });
}

export const PICK_BASE_UNTRUSTED = 'Mutant Lens lists no branches in an untrusted workspace: listing them runs git, and git can run programs named in the repository. Trust the workspace to choose a diff base.';

/**
 * "Choose Diff Base": picks a branch and stores it in the workspace setting mutantLens.diffBase.
 * Resolves to the message shown when it could not offer a choice (read back by tests).
 */
export async function pickDiffBase(settings: Settings, changes: ChangedLinesService): Promise<string | undefined> {
  if (changes.restricted()) return warn(PICK_BASE_UNTRUSTED);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder === undefined) return undefined;
  const git = await changes.git.path();
  if (!('path' in git)) return warn(`Mutant Lens: ${git.problem}`);
  const branches = await listBranches({ gitPath: git.path, cwd: folder });
  if (!branches.ok) return warn(`Mutant Lens: ${branches.error.message}`);
  const automatic = { label: 'Automatic', description: "origin's default branch, then main, master, HEAD", value: '' };
  const items = [automatic, ...branches.value.map((branch) => ({ label: label(branch), description: branch === settings.diffBase ? 'current' : undefined, value: branch }))];
  const picked = await vscode.window.showQuickPick(items, { title: 'Compare changed lines against' });
  if (picked === undefined) return undefined;
  await vscode.workspace.getConfiguration('mutantLens').update('diffBase', picked.value === '' ? undefined : picked.value, vscode.ConfigurationTarget.Workspace);
  return undefined;
}

function warn(message: string): string {
  void vscode.window.showWarningMessage(message);
  return message;
}

function relative(file: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  return folder === undefined ? file : path.relative(folder.uri.fsPath, file);
}
