import type { ReportMutant } from '../report/model';
import { mutantLines } from './mutation';

/**
 * pitest's mutation-testing-elements plugin reports a mutant as its whole line (from column 1 to
 * the line's length, so the line's last character falls outside) with a `description` such as
 * "changed conditional boundary" and no `replacement`: there is no code to diff, only words.
 */
export function isWholeLineDescribed(mutant: ReportMutant, source: string): boolean {
  const { start, end } = mutant.range;
  if (mutant.replacement !== undefined || !mutant.description || start.character !== 0 || end.line !== start.line) return false;
  const { after } = mutantLines(source, mutant.range);
  return after.trimEnd().length <= 1;
}
