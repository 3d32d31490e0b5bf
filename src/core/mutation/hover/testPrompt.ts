import type { ShownMutantDetail } from '../shown';
import { diffLines, type DiffLimits } from './diffBlock';
import { testName } from './hoverMarkdown';
import { mutantLines } from './mutation';
import { fencedReportText } from '../../shared/sanitize';
import { clipEnd, oneLine } from './text';

/** Caps for the clipboard text: generous, but a hostile report cannot fill the clipboard. */
const PROMPT_DIFF_LIMITS: DiffLimits = { context: 200, lineLength: 1000, lines: 60 };
const PROMPT_TESTS = 20;
const PROMPT_TEXT = 2000;

function testLines(detail: ShownMutantDetail): readonly string[] {
  const ids = detail.mutant.coveredBy;
  if (ids === undefined) return ['Covering tests: not in the report'];
  if (ids.length === 0) return ['Covering tests: none'];
  const names = ids.slice(0, PROMPT_TESTS).map((id) => `- ${clipEnd(oneLine(testName(detail.report, id)), 300)}`);
  const more = ids.length - names.length;
  return [`Covering tests (${ids.length}):`, ...names, ...(more > 0 ? [`- and ${more} more`] : [])];
}

/**
 * Plain text asking for a test that kills the mutant, for pasting into a chat or an issue.
 * `relativePath` is the file's workspace-relative path; the line is 1-based and current. Every
 * part that comes from the report (or the file's name) is fenced and labelled as report text,
 * with invisible characters made visible (core/shared/sanitize): a report cannot add instructions.
 */
export function testWritingPrompt(detail: ShownMutantDetail, relativePath: string): string {
  const { mutant } = detail;
  const source = detail.file.source;
  const original = mutantLines(source, mutant.range).original;
  const reportText = [
    `File: ${oneLine(relativePath)}`,
    `Mutator: ${clipEnd(oneLine(mutant.mutatorName), 200)}`,
    `Original: ${clipEnd(original, PROMPT_TEXT)}`,
    `Replacement: ${mutant.replacement === undefined ? '(not in the report)' : clipEnd(mutant.replacement, PROMPT_TEXT)}`,
    ...(mutant.statusReason ? [`Reason: ${clipEnd(oneLine(mutant.statusReason), PROMPT_TEXT)}`] : []),
    '',
    'Diff:',
    diffLines(source, mutant.range, mutant.replacement, PROMPT_DIFF_LIMITS),
    '',
    ...testLines(detail),
  ].join('\n');
  return [
    `Mutation testing changed this code and no test failed (status: ${mutant.status}).`,
    'Write a test that passes on the original code and fails on the mutated code.',
    `Line: ${detail.range.start.line + 1}`,
    ...(detail.stale ? ['Note: the file changed since the report; the code below is as the report saw it.'] : []),
    '',
    fencedReportText('The mutant', reportText),
    '',
  ].join('\n');
}
