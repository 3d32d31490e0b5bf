/**
 * A structural scan of a report's JSON text, without parsing it: where the top-level members
 * and each member of `files` are (key and value, as offsets into the text). Strings are skipped
 * whole (indexOf to the next quote, escapes counted), everything else one character at a time,
 * with no allocation per character. Anything unexpected (not an object, a duplicate key, a
 * bracket that does not match, a cut-off text) gives undefined: the caller then parses as usual.
 * Values are only delimited, not checked: JSON.parse of a span says whether it is JSON.
 */

/** `[start, end)` in the text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface MemberSpans {
  /** The member's key, decoded. */
  readonly key: string;
  /** The key as written, with its quotes. */
  readonly keySpan: Span;
  readonly value: Span;
}

export interface ReportSpans {
  /** The top-level members by key (`files` too, as one span). */
  readonly top: ReadonlyMap<string, Span>;
  /** The members of the top-level `files` object, in the text's order (empty when there is no `files` object). */
  readonly files: readonly MemberSpans[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const BOM = 0xfeff;

export function scanReportSpans(text: string): ReportSpans | undefined {
  const top = new Map<string, Span>();
  const files: MemberSpans[] = [];
  const seen = new Set<string>();
  const fileMember = (key: string, keySpan: Span, valueStart: number): number => {
    if (seen.has(key)) return -1;
    seen.add(key);
    const end = valueEndAt(text, valueStart);
    files.push({ key, keySpan, value: { start: valueStart, end } });
    return end;
  };
  const start = skipSpace(text, text.charCodeAt(0) === BOM ? 1 : 0);
  const end = objectEnd(text, start, (key, _keySpan, valueStart) => {
    if (top.has(key)) return -1;
    const isFiles = key === 'files' && text.charCodeAt(valueStart) === OPEN_BRACE;
    const valueEnd = isFiles ? objectEnd(text, valueStart, fileMember) : valueEndAt(text, valueStart);
    top.set(key, { start: valueStart, end: valueEnd });
    return valueEnd;
  });
  if (end < 0 || skipSpace(text, end) !== text.length) return undefined;
  return { top, files };
}

/**
 * The end of the object at `i` (after its `}`), or -1; `onMember` hears each member and gives
 * the end of its value (or -1 to give up).
 */
function objectEnd(text: string, i: number, onMember: (key: string, keySpan: Span, valueStart: number) => number): number {
  if (text.charCodeAt(i) !== OPEN_BRACE) return -1;
  let at = skipSpace(text, i + 1);
  if (text.charCodeAt(at) === CLOSE_BRACE) return at + 1;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) return -1;
    const keyEnd = stringEnd(text, at);
    if (keyEnd < 0) return -1;
    const key = decodeKey(text.slice(at, keyEnd));
    const colon = skipSpace(text, keyEnd);
    if (key === undefined || text.charCodeAt(colon) !== COLON) return -1;
    const valueEnd = onMember(key, { start: at, end: keyEnd }, skipSpace(text, colon + 1));
    if (valueEnd < 0) return -1;
    const next = skipSpace(text, valueEnd);
    const c = text.charCodeAt(next);
    if (c === CLOSE_BRACE) return next + 1;
    if (c !== COMMA) return -1;
    at = skipSpace(text, next + 1);
  }
}

function decodeKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** The end of the value at `i`, or -1: a string, an object or array (brackets matched), or a bare word (number, true, false, null). */
function valueEndAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(text, i);
  let j = i;
  while (j < text.length && isWordCharacter(text.charCodeAt(j))) j++;
  return j > i ? j : -1;
}

function isWordCharacter(c: number): boolean {
  return c !== COMMA && c !== CLOSE_BRACE && c !== CLOSE_BRACKET && c !== COLON && c !== QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET && !isSpace(c);
}

/** The end of the object or array at `i` (after its closing bracket), or -1 when a bracket does not match or the text ends. */
function containerEnd(text: string, i: number): number {
  const closers: number[] = [];
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      j = stringEnd(text, j);
      if (j < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE) closers.push(CLOSE_BRACE);
    else if (c === OPEN_BRACKET) closers.push(CLOSE_BRACKET);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (closers.pop() !== c) return -1;
      if (closers.length === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

/** The end of the string whose opening quote is at `i` (after its closing quote), or -1. */
function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (isSpace(text.charCodeAt(j))) j++;
  return j;
}

/** JSON's whitespace (NaN past the end is not). */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
