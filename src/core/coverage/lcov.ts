/**
 * A streaming lcov.info parser: `push` pieces of text in any split, then `end`. It scans with
 * indexOf/charCodeAt and keeps numbers in flat arrays; no regex, split or object per DA.
 * Unknown or malformed lines (and records outside SF…end_of_record) are counted, never thrown.
 * A missing final end_of_record is tolerated; CRLF, a BOM and blank lines are fine.
 */
import { err, ok, type Result } from '../types';
import { buildFiles, PairArena, RawRecord } from './lcovRecord';
import type { LcovError, LcovReport } from './lcovTypes';

export type { LcovError, LcovFile, LcovFunction, LcovReport } from './lcovTypes';

const COMMA = 44;
const CR = 13;

/** Records that are understood and deliberately not kept (summaries are recomputed from data). */
const IGNORED_RECORDS = ['TN:', 'LF:', 'LH:', 'BRF:', 'BRH:', 'MCDC:', 'MCF:', 'MCH:'];

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
  /** Scan position inside the line being read. */
  private p = 0;

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
      const first = this.carry + chunk.slice(0, nl);
      this.carry = '';
      this.line(first, 0, first.length);
      i = nl + 1;
    }
    for (let nl = chunk.indexOf('\n', i); nl >= 0; nl = chunk.indexOf('\n', i)) {
      this.line(chunk, i, nl);
      i = nl + 1;
    }
    if (i < chunk.length) this.carry = chunk.slice(i);
  }

  end(): Result<LcovReport, LcovError> {
    if (this.carry.length > 0) this.line(this.carry, 0, this.carry.length);
    this.carry = '';
    this.closeRecord();
    const files = buildFiles([...this.records.values()], this.lineArena, this.branchArena);
    if (files.length === 0 && this.ignored > 0) {
      const message = `Not an lcov file: no SF record among ${this.ignored} unrecognised lines`;
      return err({ kind: 'notLcov', message, ignoredLines: this.ignored });
    }
    return ok({ files, ignoredLines: this.ignored, version: this.version });
  }

  private line(s: string, start: number, lineEnd: number): void {
    const end = lineEnd > start && s.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
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
        if (s.charCodeAt(i + 2) === 68 && has(s, i, 'BRDA:')) return r !== undefined && this.brda(s, i + 5, end);
        break;
      case 70 /* F */:
        return this.function(r, s, i, end);
      case 83 /* S */:
        return has(s, i, 'SF:') && this.sf(s.slice(i + 3, end));
      case 101 /* e */:
        return end - i === 13 && has(s, i, 'end_of_record') && this.closeRecord();
      case 86 /* V */:
        if (!has(s, i, 'VER:')) return false;
        this.version = s.slice(i + 4, end);
        return true;
    }
    return IGNORED_RECORDS.some((prefix) => has(s, i, prefix));
  }

  private function(r: RawRecord | undefined, s: string, i: number, end: number): boolean {
    if (has(s, i, 'FN:')) return r !== undefined && this.fn(r, s, i + 3, end);
    if (has(s, i, 'FNDA:')) return r !== undefined && this.fnda(r, s, i + 5, end);
    if (has(s, i, 'FNL:')) return r !== undefined && this.fnl(r, s, i + 4, end);
    if (has(s, i, 'FNA:')) return r !== undefined && this.fna(r, s, i + 4, end);
    return has(s, i, 'FNF:') || has(s, i, 'FNH:');
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
    r.close(this.lineArena, this.branchArena);
    const earlier = this.records.get(r.path);
    if (earlier === undefined) this.records.set(r.path, r);
    else earlier.mergeFrom(r, this.lineArena, this.branchArena);
    return true;
  }

  /** DA:<line>,<hits>[,<checksum>] */
  private da(s: string, i: number, end: number): boolean {
    this.p = i;
    const line = this.uint(s, end);
    if (line < 1 || !this.comma(s)) return false;
    const hits = this.uint(s, end);
    if (hits < 0 || (this.p < end && s.charCodeAt(this.p) !== COMMA)) return false;
    this.lineArena.push(line - 1, hits);
    return true;
  }

  /** BRDA:<line>,[e]<block>,<branch>,<taken or -> (the branch may itself hold commas in lcov 2.x) */
  private brda(s: string, i: number, end: number): boolean {
    this.p = i;
    const line = this.uint(s, end);
    if (line < 1 || !this.comma(s)) return false;
    let lastComma = end - 1;
    while (lastComma > this.p && s.charCodeAt(lastComma) !== COMMA) lastComma--;
    let blockEnd = this.p;
    while (blockEnd < lastComma && s.charCodeAt(blockEnd) !== COMMA) blockEnd++;
    if (blockEnd <= this.p || blockEnd >= lastComma) return false;
    this.p = lastComma + 1;
    if (this.p === end - 1 && s.charCodeAt(this.p) === 45 /* - */) {
      this.branchArena.push(line - 1, 0);
      return true;
    }
    const taken = this.uint(s, end);
    if (taken < 0 || this.p !== end) return false;
    this.branchArena.push(line - 1, taken);
    return true;
  }

  /** FN:<line>,[<end line>,]<name> */
  private fn(r: RawRecord, s: string, i: number, end: number): boolean {
    this.p = i;
    const line = this.uint(s, end);
    if (line < 1 || !this.comma(s)) return false;
    const afterLine = this.p;
    if (this.uint(s, end) < 0 || !this.comma(s)) this.p = afterLine;
    if (this.p >= end) return false;
    r.declareFunction(s.slice(this.p, end), line - 1);
    return true;
  }

  /** FNDA:<hits>,<name> */
  private fnda(r: RawRecord, s: string, i: number, end: number): boolean {
    this.p = i;
    const hits = this.uint(s, end);
    if (hits < 0 || !this.comma(s) || this.p >= end) return false;
    r.addFunctionHits(s.slice(this.p, end), hits, undefined);
    return true;
  }

  /** FNL:<index>,<line>[,<end line>] (lcov 2.2+) */
  private fnl(r: RawRecord, s: string, i: number, end: number): boolean {
    this.p = i;
    const index = this.uint(s, end);
    if (index < 0 || !this.comma(s)) return false;
    const line = this.uint(s, end);
    if (line < 1 || (this.p < end && s.charCodeAt(this.p) !== COMMA)) return false;
    (r.functionLines ??= new Map()).set(index, line - 1);
    return true;
  }

  /** FNA:<index>,<hits>,<name> (lcov 2.2+) */
  private fna(r: RawRecord, s: string, i: number, end: number): boolean {
    this.p = i;
    const index = this.uint(s, end);
    if (index < 0 || !this.comma(s)) return false;
    const hits = this.uint(s, end);
    if (hits < 0 || !this.comma(s) || this.p >= end) return false;
    const name = s.slice(this.p, end);
    const line = r.functionLines?.get(index);
    r.declareFunction(name, line);
    r.addFunctionHits(name, hits, line);
    return true;
  }

  /** Reads decimal digits at p; -1 when there are none. */
  private uint(s: string, end: number): number {
    let p = this.p;
    let n = 0;
    for (; p < end; p++) {
      const d = s.charCodeAt(p) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    const found = p > this.p;
    this.p = p;
    return found ? n : -1;
  }

  private comma(s: string): boolean {
    if (s.charCodeAt(this.p) !== COMMA) return false;
    this.p++;
    return true;
  }
}

/** Whether `s` holds `prefix` at `i` (faster than startsWith with a position on V8). */
function has(s: string, i: number, prefix: string): boolean {
  for (let k = 0; k < prefix.length; k++) if (s.charCodeAt(i + k) !== prefix.charCodeAt(k)) return false;
  return true;
}
