import * as vscode from 'vscode';
import type { MutantStatus } from '../core/shared/types';
import { MUTANT_STATUSES } from '../core/shared/types';

/** Every setting of the extension, read in one place, typed and normalised. */
export interface Settings {
  readonly mutationReports: readonly string[];
  readonly statuses: ReadonlySet<MutantStatus>;
  readonly survivedSeverity: vscode.DiagnosticSeverity;
  readonly noCoverageDiagnostics: boolean;
  readonly staleMutants: 'dim' | 'hide';
  readonly maxReportSizeMB: number;
  readonly coverageReports: readonly string[];
  /** SF prefix → local prefix, `${workspaceFolder}` already substituted per folder by the reader. */
  readonly coveragePathMappings: Readonly<Record<string, string>>;
  readonly showCoveredChangedLines: boolean;
  readonly showAllUncoveredLines: boolean;
  /** The diff base; '' chooses origin's default branch, then main, master, HEAD. */
  readonly diffBase: string;
  /** The git program (never taken from an untrusted workspace's settings). */
  readonly gitPath: string;
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
    coverageReports: config.get<string[]>('coverageReports', ['**/coverage/lcov.info']).filter((glob) => typeof glob === 'string' && glob !== ''),
    coveragePathMappings: stringRecord(config.get<unknown>('coverage.pathMappings', {})),
    showCoveredChangedLines: config.get<boolean>('coverage.showCoveredChangedLines', false),
    showAllUncoveredLines: config.get<boolean>('coverage.showAllUncoveredLines', false),
    diffBase: config.get<string>('diffBase', '').trim(),
    gitPath: programSetting(config, 'gitPath', 'git'),
  };
}

export const DEFAULT_DASHBOARD_URL = 'https://dashboard.stryker-mutator.io';

/** The Dashboard settings of one workspace folder. */
export interface DashboardSettings {
  /** Machine or user scope only; a workspace value is never read. */
  readonly baseUrl: string;
  /** True when the base URL is set in the user's settings: only then is anything fetched in an untrusted workspace. */
  readonly baseUrlFromUser: boolean;
  /** '' derives it from the origin remote, and then nothing is requested until the command is run. */
  readonly project: string;
  readonly module: string;
  /** '' is the current branch. */
  readonly version: string;
  /** 0: no refresh on a timer. */
  readonly refreshIntervalMinutes: number;
}

export function readDashboardSettings(folder: vscode.Uri | undefined): DashboardSettings {
  const config = vscode.workspace.getConfiguration('mutantLens.dashboard', folder);
  const base = config.inspect<string>('baseUrl');
  const user = typeof base?.globalValue === 'string' && base.globalValue.trim() !== '' ? base.globalValue.trim() : undefined;
  const interval = config.inspect<number>('refreshIntervalMinutes')?.globalValue;
  return {
    baseUrl: user ?? DEFAULT_DASHBOARD_URL,
    baseUrlFromUser: user !== undefined,
    project: text(config.get<unknown>('project')),
    module: text(config.get<unknown>('module')),
    version: text(config.get<unknown>('version')),
    refreshIntervalMinutes: typeof interval === 'number' && interval > 0 ? Math.max(1, interval) : 0,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
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
