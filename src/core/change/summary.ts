/**
 * The change as plain data, for the editor and for a command-line gate alike: per changed file,
 * its change mutants, its patch score and its line verdicts; and the whole change's score.
 * Inputs are plain: changed lines per file (0-based, `'all'` for an untracked file), coverage per
 * file (0-based lcov data, already moved to the current text), and every placed mutant per file
 * (all statuses, current ranges, stale flag, and whether each survivor is new since the base).
 */
import type { ChangedLineSet } from '../git/changedLines';
import type { LcovFile } from '../coverage/lcovTypes';
import { changeMutantsOf } from './changeMutants';
import { addScores, patchScore, type PatchScore } from './patchScore';
import { executableChangedLines, lineVerdicts, type LineVerdict, type RangedMutant } from './verdicts';

export interface ChangedFileInput<T extends RangedMutant> {
  /** Absolute path. */
  readonly path: string;
  readonly changed: ChangedLineSet;
  /** lcov data of the file in the current text; undefined when lcov does not know the file. */
  readonly coverage: LcovFile | undefined;
  /** Every placed mutant of the file (all statuses). */
  readonly mutants: readonly T[];
  /** Whether a base report was read for the file's report (so `newSinceBase` is meaningful). */
  readonly baseKnown: boolean;
}

export interface ChangedFileSummary<T extends RangedMutant> {
  readonly path: string;
  /** The mutants touching a changed line, in the input's order. */
  readonly mutants: readonly T[];
  readonly score: PatchScore;
  readonly verdicts: readonly LineVerdict[];
}

export interface ChangeSummary<T extends RangedMutant> {
  /** By absolute path, sorted by path. */
  readonly files: ReadonlyMap<string, ChangedFileSummary<T>>;
  readonly total: PatchScore;
}

export function summarizeFile<T extends RangedMutant>(input: ChangedFileInput<T>): ChangedFileSummary<T> {
  const mutants = changeMutantsOf(input.mutants, input.changed);
  const executable = input.coverage === undefined ? [] : executableChangedLines(input.changed, input.coverage);
  const lines = { changedLines: executable.length, coveredChangedLines: executable.filter((line) => line.hits > 0).length };
  return { path: input.path, mutants, score: patchScore(mutants, lines, input.baseKnown), verdicts: lineVerdicts(input.changed, input.coverage, mutants) };
}

export function changeSummary<T extends RangedMutant>(inputs: readonly ChangedFileInput<T>[]): ChangeSummary<T> {
  const files = [...inputs].sort(byPath).map((input) => summarizeFile(input));
  return { files: new Map(files.map((file) => [file.path, file])), total: addScores(files.map((file) => file.score)) };
}

/** Ascending by path (the paths are distinct: one input per file). */
function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  if (a.path < b.path) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: sort only asks whether the result is below 0, so 1 and 0 order alike
  return a.path > b.path ? 1 : 0;
}

/** The undetected, not stale change mutants of the whole change, by file path then position. */
export function undetectedChangeMutants<T extends RangedMutant>(summary: ChangeSummary<T>): Array<{ path: string; mutant: T }> {
  const result: Array<{ path: string; mutant: T }> = [];
  for (const file of summary.files.values()) {
    for (const mutant of file.mutants) if (!mutant.stale && (mutant.status === 'Survived' || mutant.status === 'NoCoverage')) result.push({ path: file.path, mutant });
  }
  return result;
}
