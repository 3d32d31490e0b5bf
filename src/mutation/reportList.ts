import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatScore, reportScore } from '../core/mutation/score';
import { toolLabel } from '../core/mutation/tools/readers';
import type { ReportEntry, ReportStore } from '../core/mutation/store/reportStore';
import { label } from '../core/shared/sanitize';

interface ReportPick extends vscode.QuickPickItem {
  readonly entry: ReportEntry;
}

interface FilePick extends vscode.QuickPickItem {
  readonly file: string | undefined;
}

/** "List Mutation Reports": every report found, its state, and the files it covers or ignores. */
export async function showReportList(store: ReportStore): Promise<void> {
  const entries = store.all();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('Mutant Lens found no mutation report. It looks for the globs in the setting mutantLens.mutationReports.');
    return;
  }
  const picked = await vscode.window.showQuickPick(entries.map(toReportPick), { title: 'Mutation reports', matchOnDescription: true, matchOnDetail: true });
  if (picked === undefined) return;
  const file = await vscode.window.showQuickPick(filePicks(picked.entry), { title: label(relative(picked.entry.candidate.path)), matchOnDescription: true });
  if (file?.file !== undefined) await vscode.window.showTextDocument(vscode.Uri.file(file.file));
}

export function describeEntry(entry: ReportEntry): string {
  const report = entry.report;
  const counts = report === undefined ? 'no data' : `${report.files.size} files · ${[...report.files.values()].reduce((n, f) => n + f.mutants.length, 0)} mutants · score ${formatScore(reportScore(report))}`;
  if (entry.status === 'invalid') return `invalid: ${label(entry.reason ?? '')}${report === undefined ? '' : ` (showing the last good data: ${counts})`}`;
  return entry.status === 'loading' ? 'loading…' : counts;
}

function toReportPick(entry: ReportEntry): ReportPick {
  const icon = entry.status === 'invalid' ? '$(warning)' : entry.status === 'loading' ? '$(loading~spin)' : entry.candidate.origin !== undefined ? '$(cloud)' : '$(beaker)';
  return { label: `${icon} ${label(relative(entry.candidate.path))}`, description: describeOrigin(entry), detail: describeEntry(entry), entry };
}

/** The tool, or for a Dashboard report where it came from and when it was fetched. */
export function describeOrigin(entry: ReportEntry): string {
  const origin = entry.candidate.origin;
  if (origin === undefined) return toolLabel(entry.candidate);
  if (origin.fetchedAt === undefined) return 'Dashboard · not fetched yet';
  const when = new Date(origin.fetchedAt).toLocaleString();
  return origin.from === 'live' ? `Dashboard · CI run in progress · updated ${when}` : `Dashboard · fetched ${when}${origin.from === 'cache' ? ' (cached copy)' : ''}`;
}

function filePicks(entry: ReportEntry): FilePick[] {
  const report = entry.report;
  if (report === undefined) return [{ label: label(entry.reason ?? 'not loaded yet'), file: undefined }];
  const files: FilePick[] = [...report.files.values()].map((file) => ({
    label: label(relative(file.path)),
    description: `${file.mutants.filter((m) => m.status === 'Survived').length} survived of ${file.mutants.length}`,
    file: file.path,
  }));
  const ignored: FilePick[] = report.ignoredKeys.map((ignoredKey) => ({ label: `$(circle-slash) ${label(ignoredKey.key)}`, description: label(ignoredKey.reason), file: undefined }));
  return [...files, ...ignored];
}

function relative(file: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  return folder === undefined ? file : path.relative(folder.uri.fsPath, file);
}
