import type { Range } from '../shared/types';
import type { LoadedReport, ReportMutant, ReportSourceFile } from './report/model';

/** A mutant as the editor shows it now: the report's data plus where it sits in the current text. */
export interface ShownMutantDetail {
  readonly mutant: ReportMutant;
  /** Position in the current text (moved through edits since the report). */
  readonly range: Range;
  /** The mutant's own code changed since the report was made. */
  readonly stale: boolean;
  /** The status comes from a rerun still running (its report is not written yet), not from the report. */
  readonly live: boolean;
  readonly file: ReportSourceFile;
  readonly report: LoadedReport;
}

/** Read access to the mutants currently shown, by absolute file path. */
export interface MutantQuery {
  /** Every shown mutant of the file, in document order. */
  mutantsIn(path: string): readonly ShownMutantDetail[];
  /** The shown mutants whose current range touches the 0-based line, survivors first. */
  mutantsAt(path: string, line: number): readonly ShownMutantDetail[];
}
