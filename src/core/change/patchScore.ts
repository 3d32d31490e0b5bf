/**
 * The patch mutation score: the change's mutants counted exactly as mutation-testing-metrics
 * counts a report (detected = Killed + Timeout, undetected = Survived + NoCoverage, valid =
 * detected + undetected, score = detected / valid × 100, NaN when nothing is valid; CompileError,
 * RuntimeError, Ignored and Pending do not count). Stale mutants (their own code changed since the
 * report, so their result says nothing about the current code) are counted apart and left out.
 */
import type { MutantStatus } from '../shared/types';

export interface PatchScore {
  /** Changed executable lines (lines lcov lists); files lcov does not know add none. */
  readonly changedLines: number;
  /** Changed executable lines that ran (lcov hits > 0). */
  readonly coveredChangedLines: number;
  /** Valid (detected + undetected) change mutants that are not stale. */
  readonly mutants: number;
  readonly detected: number;
  readonly undetected: number;
  /** Change mutants whose own code changed since the report (any status), left out of the score. */
  readonly stale: number;
  /** Undetected change mutants that the base report did not have undetected; undefined without a base report. */
  readonly newSurvivors: number | undefined;
  /** detected / mutants × 100; NaN when `mutants` is 0. */
  readonly mutationScore: number;
}

export type StatusClass = 'detected' | 'undetected' | 'invalid';

export function classOf(status: MutantStatus): StatusClass {
  if (status === 'Killed' || status === 'Timeout') return 'detected';
  return status === 'Survived' || status === 'NoCoverage' ? 'undetected' : 'invalid';
}

export interface ScoredMutant {
  readonly status: MutantStatus;
  readonly stale: boolean;
  /** True: a new survivor; false: already undetected in the base; undefined: no base known (or not a survivor). */
  readonly newSinceBase?: boolean | undefined;
}

export interface LineCounts {
  readonly changedLines: number;
  readonly coveredChangedLines: number;
}

/** Counts the change's mutants of one file or of the whole change. `baseKnown`: a base report was read. */
export function patchScore(mutants: readonly ScoredMutant[], lines: LineCounts, baseKnown: boolean): PatchScore {
  let detected = 0;
  let undetected = 0;
  let stale = 0;
  let newSurvivors = 0;
  for (const mutant of mutants) {
    if (mutant.stale) {
      stale++;
      continue;
    }
    const kind = classOf(mutant.status);
    if (kind === 'detected') detected++;
    if (kind === 'undetected') {
      undetected++;
      if (mutant.newSinceBase === true) newSurvivors++;
    }
  }
  return { ...lines, mutants: detected + undetected, detected, undetected, stale, newSurvivors: baseKnown ? newSurvivors : undefined, mutationScore: scoreOf(detected, detected + undetected) };
}

export function scoreOf(detected: number, valid: number): number {
  // No valid mutant, no score: 0 / 0 is NaN.
  return (detected / valid) * 100;
}

/** Adds the scores of several files (the whole change). */
export function addScores(scores: readonly PatchScore[]): PatchScore {
  let changedLines = 0;
  let coveredChangedLines = 0;
  let detected = 0;
  let undetected = 0;
  let stale = 0;
  let newSurvivors: number | undefined;
  for (const score of scores) {
    changedLines += score.changedLines;
    coveredChangedLines += score.coveredChangedLines;
    detected += score.detected;
    undetected += score.undetected;
    stale += score.stale;
    if (score.newSurvivors !== undefined) newSurvivors = (newSurvivors ?? 0) + score.newSurvivors;
  }
  return { changedLines, coveredChangedLines, mutants: detected + undetected, detected, undetected, stale, newSurvivors, mutationScore: scoreOf(detected, detected + undetected) };
}
