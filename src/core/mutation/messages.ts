import type { ShownMutantDetail } from './shown';
import { singleLine } from '../shared/sanitize';
import type { Range } from '../shared/types';

/** The longest original or replacement text quoted in a one-line message. */
export const QUOTE_LIMIT = 60;

/** The text a range covers in a list of lines (joined with \n). */
export function textInRange(lines: readonly string[], range: Range): string {
  if (range.start.line === range.end.line) {
    return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  }
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lines[line] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}

/** Invisible characters made visible, whitespace runs (newlines included) one space; long text is cut with an ellipsis. */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  const flat = singleLine(text);
  const cut = flat.length > limit ? `${withoutHalfPair(flat.slice(0, limit - 1))}…` : flat;
  return `"${cut}"`;
}

/** `Survived: ConditionalExpression "a >= b" → "a > b"`, with ` (stale: …)` when the code changed since the report. */
export function mutantMessage(shown: ShownMutantDetail, sourceLines: readonly string[]): string {
  const { mutant } = shown;
  const original = quote(textInRange(sourceLines, mutant.range));
  const change = mutant.replacement === undefined ? original : `${original} → ${quote(mutant.replacement)}`;
  const description = mutant.replacement === undefined && mutant.description !== undefined ? ` (${singleLine(mutant.description)})` : '';
  const stale = shown.stale ? ' (stale: the code changed since the report)' : '';
  return `${mutant.status}: ${singleLine(mutant.mutatorName)} ${change}${description}${stale}`;
}

/** Drops a lone high surrogate left at the end by a cut, so an emoji is never split in half. */
function withoutHalfPair(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
