/**
 * What a finished rerun means, from its exit code, its output and what our reporter plugin saw.
 * StrykerJS exits 1 both for a score under `thresholds.break` (report written) and for errors
 * (no report), so the plugin's "report" event tells them apart.
 */
export type RerunOutcome =
  | { readonly kind: 'success'; readonly score: number | undefined }
  | { readonly kind: 'belowBreak'; readonly score: number | undefined }
  | { readonly kind: 'initialTestRunFailed' }
  | { readonly kind: 'noTests' }
  | { readonly kind: 'configError'; readonly detail: string }
  | { readonly kind: 'notInstalled' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout'; readonly minutes: number }
  | { readonly kind: 'killed'; readonly signal: string }
  | { readonly kind: 'reportNotWritten'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string };

export interface FinishedRun {
  readonly exitCode: number | null;
  /** The signal that ended the process from outside (out of memory, kill), if any. */
  readonly signal?: string | null;
  /** stdout and stderr together (Stryker logs to stdout, crash stacks go to stderr). */
  readonly output: string;
  /** The plugin wrote the full report. */
  readonly reportWritten: boolean;
  readonly score: number | undefined;
  /** A user command (not Stryker with our plugin): the exit code alone decides. */
  readonly custom: boolean;
}

const INITIAL_RUN_FAILED = /There were failed tests in the initial test run|Something went wrong in the initial test run/;
const NO_TESTS = /No tests were executed/;
const CONFIG_ERROR = /(?:ConfigError|ConfigReaderError): (.*)|ERROR OptionsValidator\S* (.*)/;
const CANCEL_EXIT_CODES = new Set([130, 143]);
/** Node's error when the report (or its temp file) cannot be written: no permission, read-only or full disk. */
const REPORT_WRITE_ERROR = /\b(E(?:ACCES|PERM|ROFS|NOSPC)): [^\n]*?(?:open|rename|mkdir)[^\n]*/;

export function classifyRun(run: FinishedRun): RerunOutcome {
  if (run.custom) return run.exitCode === 0 ? { kind: 'success', score: undefined } : failed(run);
  if (run.reportWritten) return { kind: run.exitCode === 0 ? 'success' : 'belowBreak', score: run.score };
  if (run.exitCode !== null && CANCEL_EXIT_CODES.has(run.exitCode)) return { kind: 'cancelled' };
  if (run.exitCode === null && run.signal) return { kind: 'killed', signal: run.signal };
  const writeError = REPORT_WRITE_ERROR.exec(stripAnsi(run.output));
  if (writeError !== null) return { kind: 'reportNotWritten', detail: writeError[0].trim() };
  if (INITIAL_RUN_FAILED.test(run.output)) return { kind: 'initialTestRunFailed' };
  if (NO_TESTS.test(run.output)) return { kind: 'noTests' };
  const config = CONFIG_ERROR.exec(stripAnsi(run.output));
  if (config !== null) return { kind: 'configError', detail: (config[1] ?? config[2] ?? '').trim() };
  return failed(run);
}

function failed(run: FinishedRun): RerunOutcome {
  const lastLine = stripAnsi(run.output).trim().split(/\r?\n/).pop() ?? '';
  return { kind: 'failed', detail: `exit code ${String(run.exitCode)}${lastLine === '' ? '' : `: ${lastLine.trim()}`}` };
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

export const INSTALL_COMMAND = 'npm install --save-dev @stryker-mutator/core';

/** The message a person reads; undefined for a plain success (the markers speak). */
export function outcomeMessage(outcome: RerunOutcome, file: string): string | undefined {
  switch (outcome.kind) {
    case 'success':
      return undefined;
    case 'belowBreak':
      return `Mutation testing of ${file} finished; the mutation score${scoreText(outcome.score)} is under the break threshold.`;
    case 'initialTestRunFailed':
      return `Mutation testing of ${file} did not start: tests fail before any mutant (the initial test run failed). Fix the failing tests first.`;
    case 'noTests':
      return `Mutation testing of ${file} did not start: no test ran in the initial test run (the test runner found no tests for this file).`;
    case 'configError':
      return `Mutation testing of ${file} did not start: Stryker configuration error${outcome.detail === '' ? '.' : `: ${outcome.detail}`}`;
    case 'notInstalled':
      return `StrykerJS is not installed in this project. Install it with \`${INSTALL_COMMAND}\` (and a test runner plugin, e.g. @stryker-mutator/vitest-runner).`;
    case 'cancelled':
      return `Mutation testing of ${file} was cancelled; the previous report is kept.`;
    case 'timeout':
      return `Mutation testing of ${file} was stopped after ${outcome.minutes} minutes (mutantLens.rerun.timeoutMinutes); the previous report is kept.`;
    case 'killed':
      return `Mutation testing of ${file} was stopped from outside (${outcome.signal}; out of memory?); the previous report is kept.`;
    case 'reportNotWritten':
      return `Mutation testing of ${file} ran, but its report could not be written (${outcome.detail}); the previous report is kept.`;
    case 'failed':
      return `Mutation testing of ${file} failed (${outcome.detail}); the previous report is kept.`;
  }
}

function scoreText(score: number | undefined): string {
  return score === undefined ? '' : ` (${score.toFixed(2)}%)`;
}
