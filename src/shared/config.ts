import * as vscode from 'vscode';
import type { MutantStatus } from '../core/shared/types';
import { MUTANT_STATUSES } from '../core/shared/types';
import { DEFAULT_COVERAGE_REPORTS, DEFAULT_MUTATION_REPORTS } from '../core/shared/settingDefaults';
import { VERDICTS, type Verdict } from '../core/change/verdicts';
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
  /** `mutantLens.gitPath` from user or machine settings only ('' : automatic, see core/git/gitLocate). */
  readonly gitPath: string;
  readonly rerun: RerunSettings;
  /** Which mutants markers and Problems show: every one, or only those on changed lines. */
  readonly scope: 'all' | 'change';
  /** Which verdicts of a changed line get a gutter glyph. */
  readonly changeVerdicts: ReadonlySet<Verdict>;
  /** Globs of mutationReports and coverageReports that are refused (they match nothing), with why. */
  readonly refusedGlobs: readonly RefusedGlob[];
}

export interface RefusedGlob {
  readonly setting: 'mutationReports' | 'coverageReports';
  readonly glob: string;
  readonly reason: string;
}

export interface RerunSettings {
  /** `mutantLens.rerun.command` from user or machine settings only (never a workspace's). */
  readonly commandTemplate: readonly unknown[] | undefined;
  readonly timeoutMs: number;
}

/** The settings each feature reacts to; a change elsewhere does not disturb it. */
export const SECTIONS = {
  mutation: ['mutantLens.mutationReports', 'mutantLens.statuses', 'mutantLens.diagnostics', 'mutantLens.staleMutants', 'mutantLens.maxReportSizeMB'],
  coverageFiles: ['mutantLens.coverageReports', 'mutantLens.coverage.pathMappings'],
  coverageShown: ['mutantLens.coverage.showCoveredChangedLines', 'mutantLens.coverage.showAllUncoveredLines'],
  git: ['mutantLens.diffBase', 'mutantLens.gitPath'],
  change: ['mutantLens.scope', 'mutantLens.change'],
} as const;

const DEFAULT_TIMEOUT_MINUTES = 30;

export { DEFAULT_MUTATION_REPORTS } from '../core/shared/settingDefaults';

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  Error: vscode.DiagnosticSeverity.Error,
  Warning: vscode.DiagnosticSeverity.Warning,
  Information: vscode.DiagnosticSeverity.Information,
  Hint: vscode.DiagnosticSeverity.Hint,
};

/** The settings read in this turn of the event loop (see readSettings). */
let thisTurn: Settings | undefined;

/**
 * The settings, read at most once per turn of the event loop: a slice of the Problems panel's
 * work over hundreds of files asked for them once per file, and each read (a dozen `get`s and
 * `inspect`s) cost more than the file's own work; activation, which composes every feature in one
 * synchronous turn, reads them once too. A change of configuration arrives as a task of its own, so
 * it is seen from the next turn on, as before.
 */
export function readSettings(): Settings {
  if (thisTurn === undefined) {
    thisTurn = readSettingsNow();
    queueMicrotask(() => (thisTurn = undefined));
  }
  return thisTurn;
}

function readSettingsNow(): Settings {
  const config = vscode.workspace.getConfiguration('mutantLens');
  const mutationReports = globSetting(config, 'mutationReports', DEFAULT_MUTATION_REPORTS);
  const coverageReports = globSetting(config, 'coverageReports', DEFAULT_COVERAGE_REPORTS);
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
    gitPath: userSetting(config, 'gitPath'),
    rerun: rerunSettings(config),
    scope: config.get<string>('scope', 'all') === 'change' ? 'change' : 'all',
    changeVerdicts: new Set(config.get<unknown[]>('change.verdicts', ['not-run', 'not-checked']).filter((v): v is Verdict => (VERDICTS as readonly unknown[]).includes(v))),
    refusedGlobs: [...coverageReports.refused, ...mutationReports.refused],
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

/** Fires `listener` when one of the given settings (or sections, `mutantLens.diagnostics`) changes. */
export function onSettingsChanged(sections: readonly string[], listener: (event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (sections.some((section) => event.affectsConfiguration(section))) listener(event);
  });
}

function rerunSettings(config: vscode.WorkspaceConfiguration): RerunSettings {
  // Only globalValue: a workspace (or folder) value would let a cloned repository pick the program.
  const command = config.inspect<unknown>('rerun.command')?.globalValue;
  const minutes = config.get<unknown>('rerun.timeoutMinutes');
  return {
    commandTemplate: Array.isArray(command) && command.length > 0 ? command : undefined,
    timeoutMs: (typeof minutes === 'number' && minutes > 0 ? minutes : DEFAULT_TIMEOUT_MINUTES) * 60_000,
  };
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== ''));
}

/**
 * A setting that names a program: read from user and machine settings only (`inspect().globalValue`),
 * never from a workspace or folder, trusted or not: a cloned repository must not pick the program.
 */
function userSetting(config: vscode.WorkspaceConfiguration, key: string): string {
  const value = config.inspect<unknown>(key)?.globalValue;
  return typeof value === 'string' ? value.trim() : '';
}

/** A limit from user or machine settings only: a workspace (or folder) value is never used, whatever VS Code's scope handling does. */
function machineLimit(config: vscode.WorkspaceConfiguration, key: string, fallback: number): number {
  const value = config.inspect<unknown>(key)?.globalValue;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : fallback;
}

function sameGlobs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((glob, i) => glob === b[i]);
}

/** The non-empty string globs of a setting; those the matcher refuses (core/shared/glob) are set apart. */
function globSetting(config: vscode.WorkspaceConfiguration, key: RefusedGlob['setting'], fallback: readonly string[]): { accepted: string[]; refused: RefusedGlob[] } {
  const value = config.get<unknown>(key, fallback);
  const globs = (Array.isArray(value) ? value : fallback).filter((glob): glob is string => typeof glob === 'string' && glob !== '');
  // The defaults are known good (test/unit/shared/glob.test.ts): compiled when first matched, not at activation.
  const refused = (sameGlobs(globs, fallback) ? [] : refusedGlobs(globs)).map(({ glob, reason }) => ({ setting: key, glob, reason }));
  return { accepted: globs.filter((glob) => !refused.some((r) => r.glob === glob)), refused };
}
