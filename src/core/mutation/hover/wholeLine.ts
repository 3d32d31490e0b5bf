import type { ReportMutant } from '../report/model';
import { mutantLines } from './mutation';

/**
 * A mutant that stands for its whole line and says what it does in words only: no `replacement`,
 * a `description` such as "changed conditional boundary", one line. pitest's
 * mutation-testing-elements plugin writes it from column 1 to the line's length (so the line's
 * last character falls outside); Mutant Lens's reader of pitest's own mutations.xml places it
 * from the line's first non-blank character to its end. Either way there is no code to diff.
 */
export function isWholeLineDescribed(mutant: ReportMutant, source: string): boolean {
  const { start, end } = mutant.range;
  if (mutant.replacement !== undefined || !mutant.description || end.line !== start.line) return false;
  const { before, original, after } = mutantLines(source, mutant.range);
  const fromLineStart = start.character === 0;
  const fromFirstNonBlank = before.trim() === '' && /^\S/.test(original);
  return (fromLineStart || fromFirstNonBlank) && after.trimEnd().length <= 1;
}
