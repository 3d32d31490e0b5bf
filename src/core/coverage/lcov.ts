/**
 * A streaming lcov.info parser: `push` pieces of text in any split, then `end`. Plain DA and BRDA
 * lines (most of a file) are read in one pass by lcovPlain's fast paths; every other line is found
 * with indexOf and read by the general reader below. Numbers go into flat typed arrays; no regex,
 * split or object per DA.
 * Unknown or malformed lines (and records outside SF…end_of_record) are counted, never thrown.
 * A missing final end_of_record is tolerated; CRLF, a BOM and blank lines are fine.
 */
import { err, ok, type Result } from '../shared/types';
import { functionRecord } from './lcovFunctions';
import { PairArena } from './lcovArena';
import { plainBrda, plainDa } from './lcovPlain';
import { buildFiles, RawRecord } from './lcovRecord';
import { COMMA, Cursor, has, isLineNumber } from './lcovScan';
import type { LcovError, LcovReport } from './lcovTypes';

export type { LcovError, LcovFile, LcovFunction, LcovReport } from './lcovTypes';

const CR = 13;

/** Records that are understood and deliberately not kept (summaries are recomputed from data). */
const IGNORED_RECORDS = ['TN:', 'LH:', 'BRF:', 'BRH:', 'MCDC:', 'MCF:', 'MCH:'];

/**
 * A plain loop, not `IGNORED_RECORDS.some(prefix => …)`: a closure over `s` and `i` makes V8
 * allocate a context on every call of `record` (3.9 M lines, 185 MB for a 50 MB file).
 */
function isIgnoredRecord(s: string, i: number): boolean {
  for (const prefix of IGNORED_RECORDS) if (has(s, i, prefix)) return true;
  return false;
}

export interface LcovParseCounts {
  /** Lines read by the plain DA/BRDA fast paths (the rest went through the general reader). */
  plainLines: number;
  /** DA or BRDA runs of a record that were out of line order and were sorted. */
  reorderedSpans: number;
}

export function parseLcov(text: string): Result<LcovReport, LcovError> {
  const parser = new LcovParser(text.length);
  parser.push(text);
  return parser.end();
}

export class LcovParser {
  private carry = '';
  private sawText = false;
  private current: RawRecord | undefined;
  private readonly records = new Map<string, RawRecord>();
  private readonly lineArena: PairArena;
  private readonly branchArena: PairArena;
  private ignored = 0;
  private version: string | undefined;
  /** The sum of the LF (lines found) totals. */
  private statedLines = 0;
  private readonly counts: LcovParseCounts = { plainLines: 0, reorderedSpans: 0 };
  /** Scan position inside the line being read. */
  private readonly c = new Cursor();

  /** `expectedBytes`, when known, sizes the storage up front (a DA line takes about 10 bytes). */
  constructor(expectedBytes = 0) {
    this.lineArena = new PairArena(expectedBytes >> 4);
    this.branchArena = new PairArena(expectedBytes >> 6);
  }

  push(chunk: string): void {
    let i = 0;
    if (!this.sawText && chunk.length > 0) {
      this.sawText = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.carry.length > 0) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        this.carry += chunk;
        return;
      }
      // The carry is replaced at the end of this push.
      const first = this.carry + chunk.slice(0, nl);
      this.line(first, 0, first.length);
      i = nl + 1;
    }
    // Stryker disable next-line EqualityOperator: at i === length neither path reads anything
    while (i < chunk.length) {
      const next = this.plainRecord(chunk, i);
      if (next !== -1) {
        this.counts.plainLines++;
        i = next;
        continue;
      }
      const nl = chunk.indexOf('\n', i);
      if (nl < 0) break;
      this.line(chunk, i, nl);
      i = nl + 1;
    }
    this.carry = chunk.slice(i);
  }

  /** How the text so far was read (for tests and the bench; the result does not depend on it). */
  readCounts(): LcovParseCounts {
    return { ...this.counts };
  }

  end(): Result<LcovReport, LcovError> {
    this.line(this.carry, 0, this.carry.length);
    this.carry = '';
    this.closeRecord();
    const files = buildFiles([...this.records.values()], this.lineArena, this.branchArena);
    if (files.length === 0 && this.ignored > 0) {
      const message = `Not an lcov file: no SF record among ${this.ignored} unrecognised lines`;
      return err({ kind: 'notLcov', message, ignoredLines: this.ignored });
    }
    const report: LcovReport = { files, ignoredLines: this.ignored, version: this.version };
    return ok(this.statedLines > 0 && files.length > 0 && files.every((file) => file.lines.length === 0) ? { ...report, summaryOnly: true } : report);
  }

  /** A plain DA or BRDA line at `i` inside a record: read, and the index after it; else -1. */
  private plainRecord(s: string, i: number): number {
    if (this.current === undefined) return -1;
    const c = s.charCodeAt(i);
    if (c === 68 /* D */) return s.charCodeAt(i + 1) === 65 && s.charCodeAt(i + 2) === 58 ? plainDa(s, i + 3, this.lineArena) : -1;
    return has(s, i, 'BRDA:') ? plainBrda(s, i + 5, this.branchArena) : -1;
  }

  private line(s: string, start: number, lineEnd: number): void {
    // A line starts at 0, after a LF or after the BOM: an empty line never has a CR before it.
    const end = s.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    if (end === start) return;
    if (!this.record(s, start, end)) this.ignored++;
  }

  /** Reads one non-blank line; false when it is not a well-formed record in its place. */
  private record(s: string, i: number, end: number): boolean {
    const r = this.current;
    switch (s.charCodeAt(i)) {
      case 68 /* D */:
        return r !== undefined && s.charCodeAt(i + 1) === 65 && s.charCodeAt(i + 2) === 58 && this.da(s, i + 3, end);
      case 66 /* B */:
        if (has(s, i, 'BRDA:')) return r !== undefined && this.brda(s, i + 5, end);
        break;
      case 70 /* F */:
        return functionRecord(this.c, r, s, i, end);
      case 83 /* S */:
        return has(s, i, 'SF:') && this.sf(s.slice(i + 3, end));
      case 101 /* e */:
        return end - i === 13 && has(s, i, 'end_of_record') && this.closeRecord();
      case 76 /* L */:
        if (!has(s, i, 'LF:')) break;
        this.c.p = i + 3;
        if (r !== undefined) this.statedLines += Math.max(0, this.c.uint(s, end));
        return true;
      case 86 /* V */:
        if (!has(s, i, 'VER:')) return false;
        this.version = s.slice(i + 4, end);
        return true;
    }
    return isIgnoredRecord(s, i);
  }

  private sf(path: string): boolean {
    this.closeRecord();
    if (path.length === 0) return false;
    this.current = new RawRecord(path, this.lineArena, this.branchArena);
    return true;
  }

  private closeRecord(): boolean {
    const r = this.current;
    if (r === undefined) return false;
    this.current = undefined;
    this.counts.reorderedSpans += r.close(this.lineArena, this.branchArena);
    const earlier = this.records.get(r.path);
    if (earlier === undefined) this.records.set(r.path, r);
    else earlier.mergeFrom(r, this.lineArena, this.branchArena);
    return true;
  }

  /** DA:<line>,<hits>[,<checksum>] */
  private da(s: string, i: number, end: number): boolean {
    this.c.p = i;
    const line = this.c.uint(s, end);
    if (!isLineNumber(line) || !this.c.comma(s)) return false;
    const hits = this.c.count(s, end);
    if (hits < 0 || (this.c.p < end && s.charCodeAt(this.c.p) !== COMMA)) return false;
    this.lineArena.push(line - 1, hits);
    return true;
  }

  /** BRDA:<line>,[e]<block>,<branch>,<taken or -> (the branch may itself hold commas in lcov 2.x) */
  private brda(s: string, i: number, end: number): boolean {
    this.c.p = i;
    const line = this.c.uint(s, end);
    if (!isLineNumber(line) || !this.c.comma(s)) return false;
    let lastComma = end - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the comma before c.p stops it as well
    while (lastComma > this.c.p && s.charCodeAt(lastComma) !== COMMA) lastComma--;
    let blockEnd = this.c.p;
    // Stryker disable next-line EqualityOperator: lastComma holds a comma, or is c.p, which the check below refuses either way
    while (blockEnd < lastComma && s.charCodeAt(blockEnd) !== COMMA) blockEnd++;
    if (blockEnd <= this.c.p || blockEnd >= lastComma) return false;
    this.c.p = lastComma + 1;
    if (this.c.p === end - 1 && s.charCodeAt(this.c.p) === 45 /* - */) {
      this.branchArena.push(line - 1, 0);
      return true;
    }
    const taken = this.c.count(s, end);
    if (taken < 0 || this.c.p !== end) return false;
    this.branchArena.push(line - 1, taken);
    return true;
  }
}
