/**
 * Fast paths for the two records that make up most of an lcov file, in their plain form:
 * `DA:<line>,<hits>` and `BRDA:<line>,<block>,<branch>,<taken or ->`, every field digits, the line
 * ending with LF or CRLF. Each reads its line and finds its end in one pass (no indexOf, no field
 * object). Anything else (a checksum, an lcov 2.x `e` block or branch expression, a malformed
 * field, a chunk that ends before the line does) returns -1 without storing anything, and the
 * line goes through the general reader, which gives the same result for the plain forms.
 */
import type { PairArena } from './lcovArena';
import { COMMA, isLineNumber } from './lcovScan';

const LF = 10;
const CR = 13;
const DASH = 45;

/** `DA:` was seen before `i`: stores the pair and returns the index after the line, or -1. */
export function plainDa(s: string, i: number, lines: PairArena): number {
  let p = i;
  let line = 0;
  for (let d = s.charCodeAt(p) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++p) - 48) line = line * 10 + d;
  if (!isLineNumber(line) || s.charCodeAt(p) !== COMMA) return -1;
  const hitsAt = ++p;
  let hits = 0;
  for (let d = s.charCodeAt(p) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++p) - 48) hits = hits * 10 + d;
  const next = p > hitsAt ? afterLineEnd(s, p) : -1;
  if (next !== -1) lines.push(line - 1, hits);
  return next;
}

/** `BRDA:` was seen before `i`: stores the pair and returns the index after the line, or -1. */
export function plainBrda(s: string, i: number, branches: PairArena): number {
  let p = i;
  let line = 0;
  for (let d = s.charCodeAt(p) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++p) - 48) line = line * 10 + d;
  if (!isLineNumber(line) || s.charCodeAt(p) !== COMMA) return -1;
  p = afterDigitsAndComma(s, p + 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: -1 would fail the next step too (charCodeAt(-1) is NaN); said plainly here
  if (p < 0) return -1;
  p = afterDigitsAndComma(s, p);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: as above
  if (p < 0) return -1;
  let taken = 0;
  const takenAt = p;
  if (s.charCodeAt(p) === DASH) p++;
  else for (let d = s.charCodeAt(p) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++p) - 48) taken = taken * 10 + d;
  const next = p > takenAt ? afterLineEnd(s, p) : -1;
  if (next !== -1) branches.push(line - 1, taken);
  return next;
}

/** One or more digits then a comma at `p`: the index after the comma, or -1. */
function afterDigitsAndComma(s: string, p: number): number {
  const from = p;
  for (let d = s.charCodeAt(p) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++p) - 48);
  return p > from && s.charCodeAt(p) === COMMA ? p + 1 : -1;
}

/** LF or CRLF at `p`: the index after it, or -1. */
function afterLineEnd(s: string, p: number): number {
  const c = s.charCodeAt(p);
  if (c === LF) return p + 1;
  return c === CR && s.charCodeAt(p + 1) === LF ? p + 2 : -1;
}
