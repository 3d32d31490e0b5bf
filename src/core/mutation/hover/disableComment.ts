import type { ShownMutantDetail } from '../shown';
import { mutmutPragmaEdit } from '../tools/mutmut/pragma';
import type { DisableCommentEdit } from './disableEdit';

/**
 * The `// Stryker disable next-line <Mutator>: <reason>` comment, as plain data. Only StrykerJS
 * reads it: Stryker.NET spells it `disable once` with its own mutator names (its reports carry
 * display names such as "Equality mutation"), Stryker4s uses `@SuppressWarnings`, pitest has none.
 * mutmut's `# pragma: no mutate` at the end of the line: tools/mutmut/pragma.ts.
 */

export const DEFAULT_DISABLE_REASON = 'TODO: explain why this mutant is acceptable';

const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'jsx', 'tsx']);
/** StrykerJS reads the mutator list with /[a-zA-Z, ]+/: a name with anything else cannot be written. */
const MUTATOR_NAME = /^[A-Za-z]+$/;
const EXISTING = /^([ \t]*)\/\/\s?Stryker disable next-line ([a-zA-Z, ]+)(:.*)?$/;

/** Whether the disable comment applies: a StrykerJS report (or an unknown tool on JS/TS code) and a plain mutator name. */
export function canDisableWithComment(detail: ShownMutantDetail): boolean {
  const tool = detail.report.tool;
  if (tool === 'mutmut') return true;
  const jsLike = tool === 'stryker-js' || (tool === 'unknown' && JS_LANGUAGES.has(detail.file.language.toLowerCase()));
  // cargo-mutants: `#[mutants::skip]` above the function (tools/cargoMutants/skipAttribute.ts).
  return (jsLike && MUTATOR_NAME.test(detail.mutant.mutatorName)) || tool === 'cargo-mutants';
}

export type { DisableCommentEdit } from './disableEdit';

function indentOf(text: string): string {
  return /^[ \t]*/.exec(text)?.[0] ?? '';
}

function extendExisting(line: number, match: RegExpExecArray, mutator: string): DisableCommentEdit | undefined {
  const names = (match[2] ?? '').split(',').map((n) => n.trim()).filter((n) => n.length > 0);
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('all') || lower.includes(mutator.toLowerCase())) return undefined;
  const head = `${match[1] ?? ''}// Stryker disable next-line ${[...names, mutator].join(',')}`;
  const reason = match[3] === undefined ? `: ${DEFAULT_DISABLE_REASON}` : match[3];
  const start = head.length + (reason.startsWith(': ') ? 2 : 1);
  return { line, text: head + reason, replacesLine: true, reasonStart: start, reasonEnd: head.length + reason.length };
}

/**
 * The edit that disables the mutant, given the current text of its first line and of the line
 * above (undefined on the first line). An existing `next-line` comment above gains the mutator;
 * when it already names it (or `all`) there is nothing to add and the result is undefined.
 */
export function disableCommentEdit(
  detail: ShownMutantDetail,
  lineText: string,
  previousLineText: string | undefined,
): DisableCommentEdit | undefined {
  const line = detail.range.start.line;
  if (detail.report.tool === 'mutmut') return mutmutPragmaEdit(line, lineText);
  const mutator = detail.mutant.mutatorName;
  const existing = EXISTING.exec(previousLineText ?? '');
  if (existing !== null) return extendExisting(line - 1, existing, mutator);
  const head = `${indentOf(lineText)}// Stryker disable next-line ${mutator}: `;
  const text = head + DEFAULT_DISABLE_REASON;
  return { line, text, replacesLine: false, reasonStart: head.length, reasonEnd: text.length };
}
