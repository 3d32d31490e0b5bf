/**
 * An lcov file with totals and no line records (`cargo llvm-cov --lcov --summary-only` writes
 * SF, FNF/FNH, BRF/BRH, LF/LH and nothing else) covers no line that could be marked: said once
 * in the log, as the file's reason, and in the status bar, instead of silently showing nothing.
 */
export const NO_LINE_RECORDS =
  'has line totals but no line records (LF/LH without DA, as `cargo llvm-cov --summary-only` writes it), so no line can be marked; write it without --summary-only';

/** The status bar text while every lcov file read is summary-only. */
export const NO_LINE_RECORDS_STATUS = '$(warning) lcov has no line records';
