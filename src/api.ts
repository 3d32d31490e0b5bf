import type * as vscode from 'vscode';
import type { MutantStatus, Range } from './core/shared/types';

/**
 * The public, read-only API returned by `activate()`:
 * `vscode.extensions.getExtension('mutant-lens.mutant-lens')?.exports as MutantLensApi`.
 * Everything it returns is plain, frozen data; positions are 0-based as in VS Code.
 */
export interface MutantLensApi {
  readonly apiVersion: 1;
  /** The mutants the editor shows for a file, after the status filter, in document order. */
  getMutants(uri: vscode.Uri): readonly ShownMutant[];
  /** The 0-based lines of a file that changed against the diff base and never ran, ascending. */
  getUncoveredChangedLines(uri: vscode.Uri): readonly number[];
  /** Every report found (mutation and coverage), with its state. */
  getReports(): readonly ReportState[];
  /** Fires after anything the API answers has changed. */
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once every pending read of reports, coverage and git has settled. */
  settled(): Promise<void>;
}

export interface ShownMutant {
  readonly id: string;
  readonly status: MutantStatus;
  readonly mutatorName: string;
  readonly replacement: string | undefined;
  /** Where the mutant is now (moved through edits when the file changed since the report). */
  readonly range: Range;
  /** True when the mutant's own code changed since the report was made. */
  readonly stale: boolean;
  /** True when `status` comes from a rerun still running (its report is not loaded yet). */
  readonly live: boolean;
  /** The report file it came from. */
  readonly report: string;
}

export interface ReportState {
  /** Absolute path of the report file. */
  readonly path: string;
  readonly kind: 'mutation' | 'coverage';
  /** Which tool wrote a mutation report (as the report list says): `stryker-js`, `mutmut`, …; absent for coverage. */
  readonly tool?: string;
  readonly state: 'ok' | 'invalid' | 'loading';
  /** Why the report is invalid (the last good data stays shown). */
  readonly reason: string | undefined;
  /** Absolute paths of the source files the report covers. */
  readonly files: readonly string[];
}
