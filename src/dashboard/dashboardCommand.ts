import * as vscode from 'vscode';
import { readDashboardSettings } from '../shared/config';
import { derivedFromGit, type ChosenTarget } from './dashboardTargets';

/** Arguments of `mutantLens.loadDashboardReport` when run from code (tests, tasks): no prompts. */
export interface LoadDashboardArgs {
  readonly folder?: string;
  readonly project?: string;
  readonly version?: string;
  readonly module?: string;
}

/**
 * Asks which report to load, offering the configured or derived project (the origin remote), the
 * current branch and the module. Undefined when the user cancels.
 */
export async function askTarget(args: LoadDashboardArgs | undefined): Promise<{ folder: vscode.WorkspaceFolder; chosen: ChosenTarget } | undefined> {
  const folder = await pickFolder(args?.folder);
  if (folder === undefined) return undefined;
  if (args?.project !== undefined) return { folder, chosen: { project: args.project, version: args.version, module: args.module } };
  const settings = readDashboardSettings(folder.uri);
  const git = await derivedFromGit(folder.uri.fsPath);
  const project = await vscode.window.showInputBox({
    title: 'Dashboard project',
    prompt: `The project on ${settings.baseUrl}, like github.com/owner/repo`,
    value: settings.project !== '' ? settings.project : (git.project ?? ''),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'A project is needed' : undefined),
  });
  if (project === undefined) return undefined;
  const version = await vscode.window.showInputBox({
    title: 'Version (branch or tag)',
    value: settings.version !== '' ? settings.version : (git.branch ?? 'main'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'A version is needed' : undefined),
  });
  if (version === undefined) return undefined;
  const module = await vscode.window.showInputBox({ title: 'Module (empty: the whole project)', value: settings.module, ignoreFocusOut: true });
  if (module === undefined) return undefined;
  return { folder, chosen: { project: project.trim(), version: version.trim(), module: module.trim() } };
}

async function pickFolder(wanted: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (wanted !== undefined) return folders.find((folder) => folder.uri.fsPath === wanted);
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder is the Dashboard report for?' });
}
