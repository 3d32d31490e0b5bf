/** The function records of lcov: FN, FNDA, FNF, FNH, and lcov 2.2's FNL and FNA. */
import type { RawRecord } from './lcovRecord';
import { COMMA, has, isLineNumber, type Cursor } from './lcovScan';

/** Reads a line starting with F; false when it is malformed or outside a record. */
export function functionRecord(c: Cursor, r: RawRecord | undefined, s: string, i: number, end: number): boolean {
  if (has(s, i, 'FN:')) return r !== undefined && fn(c, r, s, i + 3, end);
  if (has(s, i, 'FNDA:')) return r !== undefined && fnda(c, r, s, i + 5, end);
  if (has(s, i, 'FNL:')) return r !== undefined && fnl(c, r, s, i + 4, end);
  if (has(s, i, 'FNA:')) return r !== undefined && fna(c, r, s, i + 4, end);
  return has(s, i, 'FNF:') || has(s, i, 'FNH:');
}

/** FN:<line>,[<end line>,]<name> */
function fn(c: Cursor, r: RawRecord, s: string, i: number, end: number): boolean {
  c.p = i;
  const line = c.uint(s, end);
  if (!isLineNumber(line) || !c.comma(s)) return false;
  const afterLine = c.p;
  if (c.uint(s, end) < 0 || !c.comma(s)) c.p = afterLine;
  if (c.p >= end) return false;
  r.declareFunction(s.slice(c.p, end), line - 1);
  return true;
}

/** FNDA:<hits>,<name> */
function fnda(c: Cursor, r: RawRecord, s: string, i: number, end: number): boolean {
  c.p = i;
  const hits = c.count(s, end);
  if (hits < 0 || !c.comma(s) || c.p >= end) return false;
  r.addFunctionHits(s.slice(c.p, end), hits, undefined);
  return true;
}

/** FNL:<index>,<line>[,<end line>] (lcov 2.2+) */
function fnl(c: Cursor, r: RawRecord, s: string, i: number, end: number): boolean {
  c.p = i;
  const index = c.uint(s, end);
  if (index < 0 || !c.comma(s)) return false;
  const line = c.uint(s, end);
  if (!isLineNumber(line) || (c.p < end && s.charCodeAt(c.p) !== COMMA)) return false;
  (r.functionLines ??= new Map()).set(index, line - 1);
  return true;
}

/** FNA:<index>,<hits>,<name> (lcov 2.2+) */
function fna(c: Cursor, r: RawRecord, s: string, i: number, end: number): boolean {
  c.p = i;
  const index = c.uint(s, end);
  if (index < 0 || !c.comma(s)) return false;
  const hits = c.count(s, end);
  if (hits < 0 || !c.comma(s) || c.p >= end) return false;
  const name = s.slice(c.p, end);
  const line = r.functionLines?.get(index);
  r.declareFunction(name, line);
  r.addFunctionHits(name, hits, line);
  return true;
}
