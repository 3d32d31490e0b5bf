/**
 * One verdict per changed line, in this order of precedence:
 *  - `not-run`:     lcov lists the line with 0 hits;
 *  - `not-checked`: the line ran, and a mutant on it was not detected (Survived, NoCoverage);
 *  - `checked`:     the line ran, and every mutant on it was detected (Killed, Timeout);
 *  - `ran`:         the line ran, and no mutant with a result is on it.
 * "On the line": an undetected mutant is on every line it spans (a surviving `{}` of an `if` block
 * leaves each line of the block unchecked); a detected one only on its first line (a killed removal
 * of a whole function body says that something in it is checked, not that each line is, and would
 * otherwise make every line of every function `checked`).
 * Stale mutants (their code changed since the report) and invalid ones (CompileError,
 * RuntimeError, Ignored, Pending) say nothing about the current line and are left out. A line lcov
 * does not list (a comment, a type, a file lcov does not know) gets no verdict.
 */
import type { ChangedLineSet } from '../git/changedLines';
import type { LcovFile } from '../coverage/lcovTypes';
import type { Range } from '../shared/types';
import { firstIndexAtOrAfter } from './changeMutants';
import { classOf, type ScoredMutant } from './patchScore';

export type Verdict = 'not-run' | 'not-checked' | 'checked' | 'ran';

export const VERDICTS: readonly Verdict[] = ['not-run', 'not-checked', 'checked', 'ran'];

export interface LineVerdict {
  /** 0-based line in the current text. */
  readonly line: number;
  readonly verdict: Verdict;
}

export interface RangedMutant extends ScoredMutant {
  readonly range: Range;
}

/** Verdicts of the changed lines lcov lists, ascending. */
export function lineVerdicts(changed: ChangedLineSet, coverage: LcovFile | undefined, mutants: readonly RangedMutant[]): LineVerdict[] {
  if (coverage === undefined) return [];
  const ran = executableChangedLines(changed, coverage);
  // A line with no hits is not-run whatever its mutants say.
  const results = mutantResultsOnLines(
    ran.map((line) => line.line),
    mutants,
  );
  return ran.map(({ line, hits }) => ({ line, verdict: hits === 0 ? 'not-run' : (results.get(line) ?? 'ran') }));
}

interface ExecutableLine {
  readonly line: number;
  readonly hits: number;
}

/** The changed lines that lcov lists, with their hits, ascending. */
export function executableChangedLines(changed: ChangedLineSet, coverage: LcovFile): ExecutableLine[] {
  const result: ExecutableLine[] = [];
  if (changed === 'all') {
    for (let i = 0; i < coverage.lines.length; i++) result.push({ line: coverage.lines[i] as number, hits: coverage.hits[i] as number });
    return result;
  }
  let d = 0;
  for (const line of changed) {
    // Past the end coverage.lines[d] is undefined: the loop stops there, and it equals no line.
    while ((coverage.lines[d] ?? Infinity) < line) d++;
    if (coverage.lines[d] === line) result.push({ line, hits: coverage.hits[d] as number });
  }
  return result;
}

/** For each of the ascending lines that a mutant with a result touches: not-checked or checked. */
function mutantResultsOnLines(lines: readonly number[], mutants: readonly RangedMutant[]): Map<number, 'not-checked' | 'checked'> {
  const results = new Map<number, 'not-checked' | 'checked'>();
  for (const mutant of mutants) {
    if (mutant.stale) continue;
    const kind = classOf(mutant.status);
    if (kind === 'invalid') continue;
    const last = kind === 'undetected' ? mutant.range.end.line : mutant.range.start.line;
    for (let i = firstIndexAtOrAfter(lines, mutant.range.start.line); (lines[i] ?? Infinity) <= last; i++) {
      const line = lines[i] as number;
      if (kind === 'undetected') results.set(line, 'not-checked');
      else if (!results.has(line)) results.set(line, 'checked');
    }
  }
  return results;
}
