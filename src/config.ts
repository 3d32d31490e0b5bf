import * as vscode from 'vscode';
import type { MutantStatus } from './core/types';
import { MUTANT_STATUSES } from './core/types';

/** Every setting of the extension, read in one place, typed and normalised. */
export interface Settings {
  readonly mutationReports: readonly string[];
  readonly statuses: ReadonlySet<MutantStatus>;
  readonly survivedSeverity: vscode.DiagnosticSeverity;
  readonly noCoverageDiagnostics: boolean;
  readonly staleMutants: 'dim' | 'hide';
  readonly maxReportSizeMB: number;
}

export const DEFAULT_MUTATION_REPORTS = [
  '**/reports/mutation/mutation.json',
  '**/reports/mutation/mutation.html',
  '**/reports/stryker-incremental.json',
  '**/StrykerOutput/*/reports/mutation-report.json',
  '**/target/stryker4s-report/*/report.json',
  '**/target/pit-reports/**/report.json',
];

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  Error: vscode.DiagnosticSeverity.Error,
  Warning: vscode.DiagnosticSeverity.Warning,
  Information: vscode.DiagnosticSeverity.Information,
  Hint: vscode.DiagnosticSeverity.Hint,
};

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('mutantLens');
  const statuses = config.get<string[]>('statuses', ['Survived', 'NoCoverage']).filter((s): s is MutantStatus => (MUTANT_STATUSES as readonly string[]).includes(s));
  return {
    mutationReports: config.get<string[]>('mutationReports', DEFAULT_MUTATION_REPORTS).filter((glob) => typeof glob === 'string' && glob !== ''),
    statuses: new Set(statuses),
    survivedSeverity: SEVERITIES[config.get<string>('diagnostics.survivedSeverity', 'Warning')] ?? vscode.DiagnosticSeverity.Warning,
    noCoverageDiagnostics: config.get<boolean>('diagnostics.noCoverage', true),
    staleMutants: config.get<string>('staleMutants', 'dim') === 'hide' ? 'hide' : 'dim',
    maxReportSizeMB: Math.max(1, config.get<number>('maxReportSizeMB', 256)),
  };
}

/** Fires `listener` when a setting of ours changes. */
export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('mutantLens')) listener();
  });
}
