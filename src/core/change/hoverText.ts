/** The change's part of a mutant hover (pure strings): new since the base, and links to its tests. */
import { commandLink } from '../mutation/hover/links';
import { clipEnd, markdownText, oneLine } from '../mutation/hover/text';
import type { MutantTest } from './tests';

export const COMMAND_OPEN_TEST = 'mutantLens.openTest';

/** The argument of `mutantLens.openTest`: a test file and where the test is (or its name to find it by). */
export interface OpenTestArgs {
  readonly file: string;
  readonly name: string;
  readonly line?: number;
  readonly character?: number;
}

export function isOpenTestArgs(value: unknown): value is OpenTestArgs {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const optionalCount = (v: unknown): boolean => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
  return typeof r.file === 'string' && typeof r.name === 'string' && optionalCount(r.line) && optionalCount(r.character);
}

export function openTestArgs(test: MutantTest): OpenTestArgs | undefined {
  if (test.file === undefined) return undefined;
  const at = test.location === undefined ? {} : { line: test.location.line, character: test.location.character };
  return { file: test.file, name: test.name, ...at };
}

const MAX_TESTS = 8;

export interface ChangeHoverEntry {
  readonly title: string;
  readonly newSinceBase: boolean | undefined;
  readonly baseLabel: string | undefined;
  readonly tests: readonly MutantTest[];
}

/** One line about the base, then the tests (killing first), each a link when its file is known. */
export function changeHoverMarkdown(entry: ChangeHoverEntry): string {
  const lines: string[] = [];
  // Without a label, the same words as the change's quick pick (`new since the base`).
  const base = entry.baseLabel === undefined ? 'the base' : markdownText(oneLine(entry.baseLabel));
  if (entry.newSinceBase === true) lines.push(`**${markdownText(entry.title)}**: new since ${base}`);
  else if (entry.newSinceBase === false) lines.push(`**${markdownText(entry.title)}**: already there in ${base}`);
  else lines.push(`**${markdownText(entry.title)}**`);
  if (entry.tests.length === 0) lines.push('No test covers it.');
  for (const test of entry.tests.slice(0, MAX_TESTS)) {
    const label = markdownText(clipEnd(oneLine(test.name), 100));
    const args = openTestArgs(test);
    const link = args === undefined ? label : commandLink(label, COMMAND_OPEN_TEST, [args]);
    lines.push(`- ${test.kills ? 'killed by' : 'covered by'} ${link}`);
  }
  if (entry.tests.length > MAX_TESTS) lines.push(`- and ${entry.tests.length - MAX_TESTS} more`);
  return lines.join('\n');
}
