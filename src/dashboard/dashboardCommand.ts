import * as path from 'node:path';
import * as vscode from 'vscode';
import { readSmall } from '../core/dashboard/cache';
import { readDashboardSettings } from '../shared/config';
import { NEVER_SEARCHED } from '../shared/workspaceFiles';
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
  const module = await pickModule(folder, settings.module);
  if (module === undefined) return undefined;
  return { folder, chosen: { project: project.trim(), version: version.trim(), module: module.trim() } };
}

async function pickFolder(wanted: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (wanted !== undefined) return folders.find((folder) => folder.uri.fsPath === wanted);
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder is the Dashboard report for?' });
}

const STRYKER_CONFIGS = '**/{stryker,.stryker}.{conf,config}.{js,mjs,cjs,json}';
const MAX_PACKAGE_JSON = 256 * 1024;
const OTHER = 'Other…';

/** Offers the configured module, the package names of the folder's Stryker projects, none, or another name. */
async function pickModule(folder: vscode.WorkspaceFolder, configured: string): Promise<string | undefined> {
  const names = new Set<string>(configured === '' ? [] : [configured]);
  for (const name of await strykerPackageNames(folder)) names.add(name);
  const none = '(none: the whole project)';
  const picked = await vscode.window.showQuickPick([...[...names].map((label) => ({ label })), { label: none }, { label: OTHER }], { title: 'Dashboard module', ignoreFocusOut: true });
  if (picked === undefined) return undefined;
  if (picked.label === none) return '';
  if (picked.label !== OTHER) return picked.label;
  return (await vscode.window.showInputBox({ title: 'Dashboard module', ignoreFocusOut: true }))?.trim();
}

/** The `name` in package.json beside each Stryker config of the folder (bounded reads, at most 50). */
async function strykerPackageNames(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const configs = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, STRYKER_CONFIGS), NEVER_SEARCHED, 50);
  const names: string[] = [];
  for (const config of configs) {
    const text = await readSmall(path.join(path.dirname(config.fsPath), 'package.json'), MAX_PACKAGE_JSON);
    const name = packageName(text);
    if (name !== undefined) names.push(name);
  }
  return names.sort();
}

function packageName(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const name = (JSON.parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}
