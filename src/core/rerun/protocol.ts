/** What the extension and its Stryker reporter plugin agree on (the plugin bundles this file). */

/** The name the plugin registers; named in `--reporters`. */
export const PROGRESS_REPORTER = 'mutant-lens-progress';
/** The file the plugin appends its JSON lines to (see progress.ts). */
export const PROGRESS_FILE_ENV = 'MUTANT_LENS_PROGRESS_FILE';
/** Where the plugin writes the full report, atomically. */
export const REPORT_FILE_ENV = 'MUTANT_LENS_REPORT_FILE';
