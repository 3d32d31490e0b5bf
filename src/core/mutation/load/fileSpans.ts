/**
 * A structural scan of a report's JSON bytes (UTF-8, before they are decoded), without parsing
 * them: where the top-level members and each member of `files` are (key and value, as byte
 * offsets). JSON's structure is ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so
 * the bytes are scanned as they are. Short strings are walked, long ones (sources) jumped through
 * with indexOf to the next quote, escapes counted; no allocation per byte. Anything unexpected (not an object, a duplicate key, a
 * bracket that does not match, a cut-off text) gives undefined: the caller then parses as usual.
 * Values are only delimited, not checked: JSON.parse of a span says whether it is JSON.
 */

/** `[start, end)` in the bytes. */
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
  /**
   * Set when `stopAfter` ended the scan at the last member of `files`: `top` then holds only the
   * members before `files`, and nothing after that member was looked at (not even whether the text is whole).
   */
  readonly stopped?: true;
}

/** Asked after each member of `files` (the members so far, the top-level members before `files`): true ends the scan there. */
export type StopAfter = (files: readonly MemberSpans[], top: ReadonlyMap<string, Span>) => boolean;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
/** The UTF-8 byte order mark. */
const BOM = [0xef, 0xbb, 0xbf];
/** Strings longer than this are jumped through with indexOf (a call costs more than walking a short string). */
const WALKED = 32;

/** What a member's callback gives to end the scan where it is (not a failure). */
const STOP = -2;

export function scanReportSpans(text: Uint8Array, stopAfter?: StopAfter): ReportSpans | undefined {
  const top = new Map<string, Span>();
  const files: MemberSpans[] = [];
  const seen = new Set<string>();
  const fileMember = (key: string, keySpan: Span, valueStart: number): number => {
    if (seen.has(key)) return -1;
    seen.add(key);
    const end = valueEndAt(text, valueStart);
    if (end < 0) return -1;
    files.push({ key, keySpan, value: { start: valueStart, end } });
    return stopAfter?.(files, top) === true ? STOP : end;
  };
  const start = skipSpace(text, text[0] === BOM[0] && text[1] === BOM[1] && text[2] === BOM[2] ? 3 : 0);
  const end = objectEnd(text, start, (key, _keySpan, valueStart) => {
    if (top.has(key)) return -1;
    const isFiles = key === 'files' && at(text, valueStart) === OPEN_BRACE;
    const valueEnd = isFiles ? objectEnd(text, valueStart, fileMember) : valueEndAt(text, valueStart);
    if (valueEnd >= 0) top.set(key, { start: valueStart, end: valueEnd });
    return valueEnd;
  });
  if (end === STOP) return { top, files, stopped: true };
  if (end < 0 || skipSpace(text, end) !== text.length) return undefined;
  return { top, files };
}

/**
 * The end of the object at `i` (after its `}`), or -1; `onMember` hears each member and gives
 * the end of its value (or -1 to give up, STOP to end the scan: given back as it is).
 */
function objectEnd(text: Uint8Array, i: number, onMember: (key: string, keySpan: Span, valueStart: number) => number): number {
  if (at(text, i) !== OPEN_BRACE) return -1;
  let member = skipSpace(text, i + 1);
  if (at(text, member) === CLOSE_BRACE) return member + 1;
  for (;;) {
    if (at(text, member) !== QUOTE) return -1;
    const keyEnd = stringEnd(text, member);
    if (keyEnd < 0) return -1;
    const key = decodeKey(text, member, keyEnd);
    const colon = skipSpace(text, keyEnd);
    if (key === undefined || at(text, colon) !== COLON) return -1;
    const valueEnd = onMember(key, { start: member, end: keyEnd }, skipSpace(text, colon + 1));
    if (valueEnd < 0) return valueEnd;
    const next = skipSpace(text, valueEnd);
    const c = at(text, next);
    if (c === CLOSE_BRACE) return next + 1;
    if (c !== COMMA) return -1;
    member = skipSpace(text, next + 1);
  }
}

const decoder = new TextDecoder();

function decodeKey(text: Uint8Array, start: number, end: number): string | undefined {
  try {
    return JSON.parse(decoder.decode(text.subarray(start, end))) as string;
  } catch {
    return undefined;
  }
}

/** The byte at `i`, or -1 past the end. */
function at(text: Uint8Array, i: number): number {
  return i < text.length ? (text[i] as number) : -1;
}

/** The end of the value at `i`, or -1: a string, an object or array (brackets matched), or a bare word (number, true, false, null). */
function valueEndAt(text: Uint8Array, i: number): number {
  const c = at(text, i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(text, i);
  let j = i;
  while (j < text.length && isWordCharacter(at(text, j))) j++;
  return j > i ? j : -1;
}

function isWordCharacter(c: number): boolean {
  return c !== COMMA && c !== CLOSE_BRACE && c !== CLOSE_BRACKET && c !== COLON && c !== QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET && !isSpace(c);
}

/**
 * What each byte is to containerEnd: 0 nothing, 1 a quote, 2 an opening bracket, 3 a closing one.
 * One load and one compare for most bytes, where five compares were (a tenth less time for the scan).
 */
const ROLE = new Uint8Array(256);
ROLE[QUOTE] = 1;
ROLE[OPEN_BRACE] = 2;
ROLE[OPEN_BRACKET] = 2;
ROLE[CLOSE_BRACE] = 3;
ROLE[CLOSE_BRACKET] = 3;

/** The end of the object or array at `i` (after its closing bracket), or -1 when a bracket does not match or the text ends. */
function containerEnd(text: Uint8Array, i: number): number {
  const closers: number[] = [];
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text[j] as number;
    const role = ROLE[c];
    if (role === 0) {
      j++;
      continue;
    }
    if (role === 1) {
      j = stringEnd(text, j);
      if (j < 0) return -1;
      continue;
    }
    // `}` is `{` + 2 and `]` is `[` + 2.
    if (role === 2) closers.push(c + 2);
    else {
      if (closers.pop() !== c) return -1;
      if (closers.length === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

/** The end of the string whose opening quote is at `i` (after its closing quote), or -1. */
function stringEnd(text: Uint8Array, i: number): number {
  const walked = Math.min(text.length, i + WALKED);
  let j = i + 1;
  for (; j < walked; j++) {
    const c = text[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
  }
  return longStringEnd(text, j);
}

/** The end of a long string, from `from` inside it (not just after a backslash). */
function longStringEnd(text: Uint8Array, from: number): number {
  let next = from;
  for (;;) {
    const quote = text.indexOf(QUOTE, next);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    next = quote + 1;
  }
}

function skipSpace(text: Uint8Array, i: number): number {
  let j = i;
  while (isSpace(at(text, j))) j++;
  return j;
}

/** JSON's whitespace (NaN past the end is not). */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
