import * as path from 'node:path';
import * as vscode from 'vscode';
import { listBranches } from '../core/git/gitCli';
import { label } from '../core/shared/sanitize';
import type { Settings } from '../shared/config';
import type { ChangeCoverage } from './changeCoverage';

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

/** "Choose Diff Base": picks a branch and stores it in the workspace setting mutantLens.diffBase. */
export async function pickDiffBase(settings: Settings): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder === undefined) return;
  const branches = await listBranches({ gitPath: settings.gitPath, cwd: folder });
  if (!branches.ok) {
    void vscode.window.showWarningMessage(`Mutant Lens: ${branches.error.message}`);
    return;
  }
  const automatic = { label: 'Automatic', description: "origin's default branch, then main, master, HEAD", value: '' };
  const items = [automatic, ...branches.value.map((branch) => ({ label: label(branch), description: branch === settings.diffBase ? 'current' : undefined, value: branch }))];
  const picked = await vscode.window.showQuickPick(items, { title: 'Compare changed lines against' });
  if (picked === undefined) return;
  await vscode.workspace.getConfiguration('mutantLens').update('diffBase', picked.value === '' ? undefined : picked.value, vscode.ConfigurationTarget.Workspace);
}

function relative(file: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  return folder === undefined ? file : path.relative(folder.uri.fsPath, file);
}
