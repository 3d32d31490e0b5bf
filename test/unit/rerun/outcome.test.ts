import { describe, expect, it } from 'vitest';
import { classifyRun, outcomeMessage, stripAnsi } from '../../../src/core/rerun/outcome';

const run = { exitCode: 0, output: '', reportWritten: true, score: 91.5, custom: false };
// Real StrykerJS 9.6.1 output, trimmed.
const RED = '\u001b[91m13:25:10 (18431) ERROR Stryker\u001b[39m There were failed tests in the initial test run.\n';
const CONFIG =
  '\u001b[91m13:25:16 (19290) ERROR OptionsValidator\u001b[39m Config option "concurrency" must match pattern "^(100|[1-9]?[0-9])%$"\n' +
  '\u001b[91m13:25:16 (19290) ERROR Stryker\u001b[39m Please correct this configuration error and try again.\n';
const BAD_JSON = 'ConfigReaderError: Invalid config file "stryker.config.json". File contains invalid JSON.\n    at x (y.js:1:1)\n';

describe('classifyRun', () => {
  it('is a success when the report was written and the exit code is 0', () => {
    expect(classifyRun(run)).toEqual({ kind: 'success', score: 91.5 });
  });
  it('is a result under the break threshold when the report was written but the exit code is 1', () => {
    expect(classifyRun({ ...run, exitCode: 1, score: 40 })).toEqual({ kind: 'belowBreak', score: 40 });
  });
  it('tells a failed initial test run', () => {
    expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output: RED })).toEqual({ kind: 'initialTestRunFailed' });
  });
  it('tells a run where no test ran', () => {
    const output = '\u001b[91m13:39:41 (5488) ERROR Stryker\u001b[39m No tests were executed. Stryker will exit prematurely. Please check your configuration.\n';
    expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output })).toEqual({ kind: 'noTests' });
  });
  it('tells a config error with its detail', () => {
    expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output: CONFIG })).toEqual({
      kind: 'configError',
      detail: 'Config option "concurrency" must match pattern "^(100|[1-9]?[0-9])%$"',
    });
    expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output: BAD_JSON })).toEqual({
      kind: 'configError',
      detail: 'Invalid config file "stryker.config.json". File contains invalid JSON.',
    });
  });
  it('takes exit codes 130 and 143 as cancelled', () => {
    expect(classifyRun({ ...run, exitCode: 130, reportWritten: false })).toEqual({ kind: 'cancelled' });
    expect(classifyRun({ ...run, exitCode: 143, reportWritten: false })).toEqual({ kind: 'cancelled' });
  });
  it('reports anything else with the exit code and last line', () => {
    expect(classifyRun({ ...run, exitCode: 2, reportWritten: false, output: 'a\nboom \n' })).toEqual({ kind: 'failed', detail: 'exit code 2: boom' });
    expect(classifyRun({ ...run, exitCode: null, reportWritten: false, output: '' })).toEqual({ kind: 'failed', detail: 'exit code null' });
  });
  it('tells a process killed from outside, unless it wrote its report first', () => {
    expect(classifyRun({ ...run, exitCode: null, signal: 'SIGKILL', reportWritten: false, output: 'INFO x\n' })).toEqual({ kind: 'killed', signal: 'SIGKILL' });
    expect(classifyRun({ ...run, exitCode: null, signal: null, reportWritten: false, output: '' })).toEqual({ kind: 'failed', detail: 'exit code null' });
    expect(classifyRun({ ...run, exitCode: null, signal: 'SIGKILL', reportWritten: true })).toEqual({ kind: 'belowBreak', score: 91.5 });
  });
  it('tells a report that could not be written', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOSPC']) {
      const output = `\u001b[91mERROR Stryker\u001b[39m Error: ${code}: no way, open '/r/mutation.json.1.tmp'\n    at x\n`;
      expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output })).toEqual({ kind: 'reportNotWritten', detail: `${code}: no way, open '/r/mutation.json.1.tmp'` });
    }
    expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output: "Error: EACCES: x, rename 'a' -> 'b'\n" })).toEqual({ kind: 'reportNotWritten', detail: "EACCES: x, rename 'a' -> 'b'" });
    expect(classifyRun({ ...run, exitCode: 1, reportWritten: false, output: 'EACCES somewhere else\n' })).toEqual({ kind: 'failed', detail: 'exit code 1: EACCES somewhere else' });
  });
  it('judges a custom command by its exit code alone', () => {
    expect(classifyRun({ ...run, custom: true, reportWritten: false })).toEqual({ kind: 'success', score: undefined });
    expect(classifyRun({ ...run, custom: true, exitCode: 1, output: RED })).toEqual({ kind: 'failed', detail: 'exit code 1: 13:25:10 (18431) ERROR Stryker There were failed tests in the initial test run.' });
  });
});

describe('outcomeMessage', () => {
  it('says nothing on success', () => {
    expect(outcomeMessage({ kind: 'success', score: 1 }, 'src/a.ts')).toBe(undefined);
  });
  it('says how to install Stryker', () => {
    expect(outcomeMessage({ kind: 'notInstalled' }, 'src/a.ts')).toBe(
      'StrykerJS is not installed in this project. Install it with `npm install --save-dev @stryker-mutator/core` (and a test runner plugin, e.g. @stryker-mutator/vitest-runner).',
    );
  });
  it('words each failure', () => {
    expect(outcomeMessage({ kind: 'belowBreak', score: 42.123 }, 'src/a.ts')).toBe('Mutation testing of src/a.ts finished; the mutation score (42.12%) is under the break threshold.');
    expect(outcomeMessage({ kind: 'belowBreak', score: undefined }, 'a')).toBe('Mutation testing of a finished; the mutation score is under the break threshold.');
    expect(outcomeMessage({ kind: 'initialTestRunFailed' }, 'a')).toBe('Mutation testing of a did not start: tests fail before any mutant (the initial test run failed). Fix the failing tests first.');
    expect(outcomeMessage({ kind: 'noTests' }, 'a')).toBe('Mutation testing of a did not start: no test ran in the initial test run (the test runner found no tests for this file).');
    expect(outcomeMessage({ kind: 'configError', detail: 'bad' }, 'a')).toBe('Mutation testing of a did not start: Stryker configuration error: bad');
    expect(outcomeMessage({ kind: 'configError', detail: '' }, 'a')).toBe('Mutation testing of a did not start: Stryker configuration error.');
    expect(outcomeMessage({ kind: 'cancelled' }, 'a')).toBe('Mutation testing of a was cancelled; the previous report is kept.');
    expect(outcomeMessage({ kind: 'timeout', minutes: 30 }, 'a')).toBe('Mutation testing of a was stopped after 30 minutes (mutantLens.rerun.timeoutMinutes); the previous report is kept.');
    expect(outcomeMessage({ kind: 'failed', detail: 'exit code 2' }, 'a')).toBe('Mutation testing of a failed (exit code 2); the previous report is kept.');
    expect(outcomeMessage({ kind: 'killed', signal: 'SIGKILL' }, 'a')).toBe('Mutation testing of a was stopped from outside (SIGKILL; out of memory?); the previous report is kept.');
    expect(outcomeMessage({ kind: 'reportNotWritten', detail: 'EROFS: x' }, 'a')).toBe('Mutation testing of a ran, but its report could not be written (EROFS: x); the previous report is kept.');
  });
});

describe('stripAnsi', () => {
  it('removes colour codes', () => {
    expect(stripAnsi('\u001b[32mok\u001b[39m \u001b[1;31mx\u001b[0m')).toBe('ok x');
  });
});
