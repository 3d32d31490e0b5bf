/**
 * Report text made safe for one line of CI output with the extension's one sanitizer: line
 * breaks shown as `⏎`, tabs as spaces, control, bidi and zero-width characters shown as `<U+202E>`
 * (core/shared/sanitize `visible`), long text cut with `…`.
 */
import { visible } from '../../shared/sanitize';

export function oneLine(text: string, limit = 120): string {
  const flat = visible(text.replace(/\r\n|\r|\n|\u2028|\u2029/g, '⏎').replace(/\t/g, ' '));
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** `Survived: EqualityOperator "a >= b" → "a > b"`, the editor's message shape. */
export function survivorMessage(s: { readonly status: string; readonly mutator: string; readonly original: string; readonly replacement: string | null; readonly description: string | null }): string {
  const change = s.replacement === null ? (s.description === null ? '' : ` ${oneLine(s.description)}`) : ` "${oneLine(s.original, 60)}" → "${oneLine(s.replacement, 60)}"`;
  return `${s.status}: ${oneLine(s.mutator, 60)}${change}`;
}
