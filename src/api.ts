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
  /**
   * The patch mutation score of a file, or of the whole change without `uri`: the mutants whose
   * current range touches a changed line, counted as mutation-testing-metrics counts a score.
   */
  getPatchScore(uri?: vscode.Uri): PatchScore;
  /** One verdict per changed line of the file, 0-based, ascending: those drawn (setting `mutantLens.change.verdicts`). */
  getLineVerdicts(uri: vscode.Uri): readonly LineVerdict[];
  /** Every report found (mutation and coverage), with its state. */
  getReports(): readonly ReportState[];
  /** Fires after anything the API answers has changed. */
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once every pending read of reports, coverage and git has settled. */
  settled(): Promise<void>;
}

export interface ShownMutant {
  /** The report's id; after a reload of the same report, a mutant seen before keeps the id it had (tools number mutants afresh on every run). */
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
  /** True when its current range touches a line changed against the diff base. */
  readonly onChangedLine: boolean;
  /**
   * For an undetected (Survived, NoCoverage), not stale mutant on a changed line: true when the base
   * report did not have it undetected at the same place, false when it did. Undefined otherwise,
   * and when no base report is known.
   */
  readonly newSinceBase: boolean | undefined;
}

export interface PatchScore {
  /** Changed lines that lcov lists (code lines); files lcov does not know add none. */
  readonly changedLines: number;
  /** Of those, the lines that ran. */
  readonly coveredChangedLines: number;
  /** Mutants on changed lines with a current result: detected + undetected (stale ones apart). */
  readonly mutants: number;
  /** Killed + Timeout. */
  readonly detected: number;
  /** Survived + NoCoverage. */
  readonly undetected: number;
  /** Mutants on changed lines whose own code changed since the report (not yet tested since the edit). */
  readonly stale: number;
  /** Undetected mutants new against the base report; undefined when no base report is known. */
  readonly newSurvivors: number | undefined;
  /** detected / mutants × 100; NaN when there are no valid mutants. */
  readonly mutationScore: number;
}

export interface LineVerdict {
  /** 0-based line. */
  readonly line: number;
  readonly verdict: 'not-run' | 'not-checked' | 'checked' | 'ran';
}

export interface ReportState {
  /** Absolute path of the report file. */
  readonly path: string;
  readonly kind: 'mutation' | 'coverage';
  /** Which tool wrote a mutation report (as the report list says): `stryker-js`, `stryker-net`, `stryker4s`, `pitest`, `cargo-mutants`, `mutmut`, `unknown`; absent for coverage. */
  readonly tool?: string;
  readonly state: 'ok' | 'invalid' | 'loading';
  /** Why the report is invalid (the last good data stays shown). */
  readonly reason: string | undefined;
  /** Absolute paths of the source files the report covers. */
  readonly files: readonly string[];
}
