import * as vscode from 'vscode';
import type { MutantStatus } from '../core/shared/types';
import { MUTANT_STATUSES } from '../core/shared/types';
import { refusedGlobs } from '../core/shared/glob';

/** Every setting of the extension, read in one place, typed and normalised. */
export interface Settings {
  readonly mutationReports: readonly string[];
  readonly statuses: ReadonlySet<MutantStatus>;
  readonly survivedSeverity: vscode.DiagnosticSeverity;
  readonly noCoverageDiagnostics: boolean;
  readonly staleMutants: 'dim' | 'hide';
  /** Machine scope: a workspace value is never used. Also bounds the source files read for placing mutants. */
  readonly maxReportSizeMB: number;
  /** Machine scope: a workspace value is never used. */
  readonly maxCoverageSizeMB: number;
  readonly coverageReports: readonly string[];
  /** SF prefix → local prefix, `${workspaceFolder}` already substituted per folder by the reader. */
  readonly coveragePathMappings: Readonly<Record<string, string>>;
  readonly showCoveredChangedLines: boolean;
  readonly showAllUncoveredLines: boolean;
  /** The diff base; '' chooses origin's default branch, then main, master, HEAD. */
  readonly diffBase: string;
  /** The git program (never taken from an untrusted workspace's settings). */
  readonly gitPath: string;
  /** Globs of mutationReports and coverageReports that are refused (they match nothing), with why. */
  readonly refusedGlobs: readonly RefusedGlob[];
}

export interface RefusedGlob {
  readonly setting: 'mutationReports' | 'coverageReports';
  readonly glob: string;
  readonly reason: string;
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
  const mutationReports = globSetting(config, 'mutationReports', DEFAULT_MUTATION_REPORTS);
  const coverageReports = globSetting(config, 'coverageReports', ['**/coverage/lcov.info']);
  const statuses = config.get<string[]>('statuses', ['Survived', 'NoCoverage']).filter((s): s is MutantStatus => (MUTANT_STATUSES as readonly string[]).includes(s));
  return {
    mutationReports: mutationReports.accepted,
    statuses: new Set(statuses),
    survivedSeverity: SEVERITIES[config.get<string>('diagnostics.survivedSeverity', 'Warning')] ?? vscode.DiagnosticSeverity.Warning,
    noCoverageDiagnostics: config.get<boolean>('diagnostics.noCoverage', true),
    staleMutants: config.get<string>('staleMutants', 'dim') === 'hide' ? 'hide' : 'dim',
    maxReportSizeMB: machineLimit(config, 'maxReportSizeMB', 256),
    maxCoverageSizeMB: machineLimit(config, 'maxCoverageSizeMB', 256),
    coverageReports: coverageReports.accepted,
    coveragePathMappings: stringRecord(config.get<unknown>('coverage.pathMappings', {})),
    showCoveredChangedLines: config.get<boolean>('coverage.showCoveredChangedLines', false),
    showAllUncoveredLines: config.get<boolean>('coverage.showAllUncoveredLines', false),
    diffBase: config.get<string>('diffBase', '').trim(),
    gitPath: programSetting(config, 'gitPath', 'git'),
    refusedGlobs: [...coverageReports.refused, ...mutationReports.refused],
  };
}

/** Fires `listener` when a setting of ours changes. */
export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('mutantLens')) listener();
  });
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== ''));
}

/** A setting that names a program: workspace values count only in a trusted workspace. */
function programSetting(config: vscode.WorkspaceConfiguration, key: string, fallback: string): string {
  const inspected = config.inspect<string>(key);
  const trusted = vscode.workspace.isTrusted;
  const value = trusted ? config.get<string>(key) : inspected?.globalValue;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/** A limit from user or machine settings only: a workspace (or folder) value is never used, whatever VS Code's scope handling does. */
function machineLimit(config: vscode.WorkspaceConfiguration, key: string, fallback: number): number {
  const value = config.inspect<unknown>(key)?.globalValue;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : fallback;
}

/** The non-empty string globs of a setting; those the matcher refuses (core/shared/glob) are set apart. */
function globSetting(config: vscode.WorkspaceConfiguration, key: RefusedGlob['setting'], fallback: readonly string[]): { accepted: string[]; refused: RefusedGlob[] } {
  const value = config.get<unknown>(key, fallback);
  const globs = (Array.isArray(value) ? value : fallback).filter((glob): glob is string => typeof glob === 'string' && glob !== '');
  const refused = refusedGlobs(globs).map(({ glob, reason }) => ({ setting: key, glob, reason }));
  return { accepted: globs.filter((glob) => !refused.some((r) => r.glob === glob)), refused };
}
