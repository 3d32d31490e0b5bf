/** Plain data of a parsed lcov.info. Every line number is 0-based (lcov writes 1-based). */

export interface LcovFunction {
  readonly name: string;
  /** 0-based start line; undefined when only FNDA named the function. */
  readonly line: number | undefined;
  readonly hits: number;
}

/**
 * One source file, all records with the same SF merged (hits summed; a branch counts as taken
 * when any record took it). Parallel typed arrays instead of an object per line, for size and
 * speed (their numbers live outside the JS heap).
 */
export interface LcovFile {
  /** The SF path exactly as written. */
  readonly path: string;
  /** 0-based lines with a DA record, ascending, unique. */
  readonly lines: Uint32Array;
  /** hits[i] is the execution count of lines[i]. */
  readonly hits: Float64Array;
  /** 0-based lines with BRDA records, ascending, unique. */
  readonly branchLines: Uint32Array;
  /** branchesTaken[i] of branchesTotal[i] branches on branchLines[i] ran at least once. */
  readonly branchesTaken: Uint32Array;
  readonly branchesTotal: Uint32Array;
  /** In order of first appearance. */
  readonly functions: readonly LcovFunction[];
}

export interface LcovReport {
  /** In order of first appearance of their SF. */
  readonly files: readonly LcovFile[];
  /** Lines that were neither a known record nor blank (garbage, records outside SF…end_of_record). */
  readonly ignoredLines: number;
  /** The VER record of lcov 2.x, when present. */
  readonly version: string | undefined;
  /**
   * True when the file states line totals (an LF above 0) but holds no DA record at all, as
   * `cargo llvm-cov --summary-only` writes it: there is nothing to mark. Absent otherwise.
   */
  readonly summaryOnly?: true;
}

export interface LcovError {
  readonly kind: 'notLcov';
  readonly message: string;
  readonly ignoredLines: number;
}
