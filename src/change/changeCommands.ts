import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { saveBaseline } from '../core/change/baseReports';
import { isOpenTestArgs } from '../core/change/hoverText';
import { testPosition } from '../core/change/tests';
import type { ReportStore } from '../core/mutation/store/reportStore';
import { insideWorkspace } from '../core/mutation/report/resolveKeys';
import type { Settings } from '../shared/config';
import type { Log } from '../shared/log';
import type { ChangeBases } from './changeBases';
import type { ChangeModel } from './changeModel';
import { staleText } from './changeStatusBar';

interface MutantPick extends vscode.QuickPickItem {
  readonly file: string;
  readonly range: vscode.Range;
}

/** The quick pick items of every undetected mutant on a changed line, by file and position. */
export function undetectedPicks(model: ChangeModel): MutantPick[] {
  return model.undetected().map(({ path: file, mutant }) => {
    const { start, end } = mutant.range;
    const replacement = mutant.detail.mutant.replacement;
    const isNew = mutant.newSinceBase === true ? ` · new since ${mutant.baseLabel ?? 'the base'}` : '';
    return {
      label: `${relative(file)}:${start.line + 1}:${start.character + 1}`,
      description: `${mutant.status} ${mutant.detail.mutant.mutatorName}${replacement === undefined ? '' : `: ${oneLineOf(replacement)}`}${isNew}`,
      file,
      range: new vscode.Range(start.line, start.character, end.line, end.character),
    };
  });
}

export async function listUndetectedChangeMutants(model: ChangeModel): Promise<void> {
  const picks = undetectedPicks(model);
  const stale = model.score().stale;
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(`Mutant Lens: no undetected mutant on a changed line${stale > 0 ? ` (${staleText(stale)})` : ''}.`);
    return;
  }
  const title = `Undetected mutants on changed lines${stale > 0 ? ` (${staleText(stale)})` : ''}`;
  const picked = await vscode.window.showQuickPick(picks, { title, matchOnDescription: true });
  if (picked === undefined) return;
  await vscode.window.showTextDocument(vscode.Uri.file(picked.file), { selection: picked.range });
}

export async function setScope(scope: 'all' | 'change'): Promise<void> {
  await vscode.workspace.getConfiguration('mutantLens').update('scope', scope === 'all' ? undefined : scope, vscode.ConfigurationTarget.Workspace);
}

/** Saves a report's current text as the baseline of its path (asks which report when there are several). */
export async function saveReportAsBaseline(store: ReportStore, bases: ChangeBases, storage: vscode.Uri | undefined, settings: Settings, log: Log, arg: unknown): Promise<string | undefined> {
  const reports = store.all().filter((entry) => entry.report !== undefined).map((entry) => entry.candidate.path);
  if (storage === undefined) return tell('Mutant Lens: open a folder to save a baseline (it is kept per workspace).');
  let report = typeof arg === 'string' && reports.includes(arg) ? arg : reports.length === 1 ? reports[0] : undefined;
  if (report === undefined && reports.length > 1) report = (await vscode.window.showQuickPick(reports.map((p) => ({ label: relative(p), path: p })), { title: 'Save which report as the baseline?' }))?.path;
  if (report === undefined) return reports.length === 0 ? tell('Mutant Lens: no mutation report is loaded.') : undefined;
  const saved = await saveBaseline(storage.fsPath, report, settings.maxReportSizeMB * 1024 * 1024);
  if (!saved.ok) {
    log.warn(`Saving the baseline of ${report} failed: ${saved.error}`);
    return tell(`Mutant Lens: the baseline of ${relative(report)} was not saved: ${saved.error}`);
  }
  log.info(`Saved ${report} as the baseline (${saved.value})`);
  bases.forget(report);
  void vscode.window.showInformationMessage(`Mutant Lens: saved ${relative(report)} as the baseline; new survivors are now counted against it.`);
  return saved.value;
}

/** Opens a test at its location, or at the first line containing its name. Only files inside the workspace. */
export async function openTest(arg: unknown): Promise<void> {
  if (!isOpenTestArgs(arg)) return;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  if (!path.isAbsolute(arg.file) || !insideWorkspace(arg.file, folders)) return;
  let position = arg.line === undefined ? undefined : { line: arg.line, character: arg.character ?? 0 };
  if (position === undefined) position = testPosition({ name: arg.name, location: undefined }, await readSmall(arg.file));
  const at = new vscode.Position(position.line, position.character);
  await vscode.window.showTextDocument(vscode.Uri.file(arg.file), { selection: new vscode.Range(at, at) });
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() && stat.size <= 4 * 1024 * 1024 ? await fs.readFile(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function tell(message: string): undefined {
  void vscode.window.showWarningMessage(message);
  return undefined;
}

function oneLineOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

function relative(file: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  return folder === undefined ? file : path.relative(folder.uri.fsPath, file);
}
