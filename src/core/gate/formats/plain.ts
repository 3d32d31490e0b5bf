/**
 * Report text made safe for one line of CI output: control characters, bidi controls and
 * zero-width characters removed, line breaks shown as `⏎`, long text cut with `…`.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function oneLine(text: string, limit = 120): string {
  const flat = text.replace(/\r\n|\r|\n|\u2028|\u2029/g, '⏎').replace(/\t/g, ' ').replace(INVISIBLE, '');
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** `Survived: EqualityOperator "a >= b" → "a > b"`, the editor's message shape. */
export function survivorMessage(s: { readonly status: string; readonly mutator: string; readonly original: string; readonly replacement: string | null; readonly description: string | null }): string {
  const change = s.replacement === null ? (s.description === null ? '' : ` ${oneLine(s.description)}`) : ` "${oneLine(s.original, 60)}" → "${oneLine(s.replacement, 60)}"`;
  return `${s.status}: ${oneLine(s.mutator, 60)}${change}`;
}
