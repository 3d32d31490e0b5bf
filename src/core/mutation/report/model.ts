import type { MutantStatus, Position, Range } from '../../shared/types';

/** Which tool wrote a report, guessed from where it was written. */
export type ReportTool = 'stryker-js' | 'stryker-net' | 'stryker4s' | 'pitest' | 'cargo-mutants' | 'mutmut' | 'unknown';

/** One mutant as the report states it, positions converted to 0-based, end exclusive. */
export interface ReportMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement: string | undefined;
  readonly description: string | undefined;
  readonly status: MutantStatus;
  readonly statusReason: string | undefined;
  /** Range in the report's embedded `source` (not necessarily the current file text). */
  readonly range: Range;
  readonly coveredBy: readonly string[] | undefined;
  readonly killedBy: readonly string[] | undefined;
  readonly isStatic: boolean | undefined;
}

/** One source file of a report, with its key resolved to an absolute path. */
export interface ReportSourceFile {
  /** Absolute path of the source file. */
  readonly path: string;
  /** The key as written in the report. */
  readonly key: string;
  readonly language: string;
  /** The text the mutants were made from. */
  readonly source: string;
  /** Sorted by start position. */
  readonly mutants: readonly ReportMutant[];
}

export interface ReportTest {
  readonly id: string;
  readonly name: string;
  /** The test file's key as written in the report, when known. */
  readonly file: string | undefined;
  /** Where the test starts in its file (0-based), when the report says. */
  readonly location?: Position | undefined;
}

export interface Thresholds {
  readonly high: number;
  readonly low: number;
  readonly break: number | undefined;
}

/** A report that loaded and validated. */
export interface LoadedReport {
  /** Absolute path of the report file. */
  readonly path: string;
  readonly tool: ReportTool;
  readonly thresholds: Thresholds;
  /** Source files by absolute path. */
  readonly files: ReadonlyMap<string, ReportSourceFile>;
  readonly tests: ReadonlyMap<string, ReportTest>;
  /** Keys that could not be resolved, or resolved outside the workspace (never read), with why. */
  readonly ignoredKeys: readonly IgnoredKey[];
  /** Mutants left out because their location is impossible (end before start). */
  readonly droppedMutants: number;
  /** The folder the report's keys are relative to (the package that holds the report). */
  readonly packageDir: string;
  /** What was read differently from the schema's letter (numbers where it asks for strings), for the log. */
  readonly normalised?: string;
  /** Mutants of a tool without embedded sources (cargo-mutants, pitest XML) that do not fit the file as read, each as the log names it. */
  readonly unplacedMutants?: readonly string[];
  /** Mutants whose place could not be recovered (tools without locations, such as mutmut): logged, never shown. */
  readonly unplaced?: readonly UnplacedMutant[];
}

export interface UnplacedMutant {
  readonly id: string;
  readonly reason: string;
}

export interface IgnoredKey {
  readonly key: string;
  readonly reason: string;
}
