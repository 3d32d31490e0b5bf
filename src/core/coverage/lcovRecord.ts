/**
 * Storage of a parse: every DA and BRDA number goes into a few shared growable typed arrays (an
 * arena), and each SF keeps offsets into them. No object per DA or BRDA, one allocation per
 * doubling, and the numbers live outside the JS heap, so the garbage collector never copies them.
 * Each file of the result is a set of views (`subarray`) onto the arena.
 *
 * Records of the same SF merge: line hits add up; the k-th branch of a line in one record is the
 * k-th branch of that line in another (same tool, same source), and it is taken when either took it.
 */
import type { PairArena } from './lcovArena';
import type { LcovFile, LcovFunction } from './lcovTypes';

/** A range [start, end) of an arena. */
interface Span {
  start: number;
  end: number;
}

interface MutableFunction {
  name: string;
  line: number | undefined;
  hits: number;
}

/** Up to this many functions a record finds a name by a linear scan; beyond, through a Map. */
const SCAN_LIMIT = 8;
const NO_FUNCTIONS: readonly LcovFunction[] = Object.freeze([]);

export class RawRecord {
  readonly lines: Span;
  readonly branches: Span;
  /** In order of first appearance; made on the first FN/FNDA (most records of a big file have few). */
  private functions: MutableFunction[] | undefined;
  private byName: Map<string, MutableFunction> | undefined;
  /** lcov 2.x FNL: function index → 0-based start line. */
  functionLines: Map<number, number> | undefined;

  constructor(readonly path: string, da: PairArena, br: PairArena) {
    this.lines = { start: da.length, end: da.length };
    this.branches = { start: br.length, end: br.length };
  }

  declareFunction(name: string, line: number | undefined): void {
    const f = this.findFunction(name);
    if (f === undefined) this.addFunction({ name, line, hits: 0 });
    else if (f.line === undefined) f.line = line;
  }

  addFunctionHits(name: string, hits: number, line: number | undefined): void {
    const f = this.findFunction(name);
    if (f === undefined) {
      this.addFunction({ name, line, hits });
      return;
    }
    f.hits += hits;
    if (f.line === undefined) f.line = line;
  }

  private findFunction(name: string): MutableFunction | undefined {
    // Stryker disable next-line ConditionalExpression: the scan below finds the same function, more slowly
    if (this.byName !== undefined) return this.byName.get(name);
    const functions = this.functions;
    if (functions === undefined) return undefined;
    for (const f of functions) if (f.name === name) return f;
    return undefined;
  }

  private addFunction(f: MutableFunction): void {
    const functions = (this.functions ??= []);
    functions.push(f);
    this.byName?.set(f.name, f);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: only speed depends on when the Map is made
    if (this.byName === undefined && functions.length > SCAN_LIMIT) this.byName = new Map(functions.map((g) => [g.name, g]));
  }

  /** Ends the record: its spans reach the arenas' ends, then are put in line order. Returns how many had to be sorted. */
  close(da: PairArena, br: PairArena): number {
    this.lines.end = da.length;
    this.branches.end = br.length;
    return Number(normalise(da, this.lines, true)) + Number(normalise(br, this.branches, false));
  }

  /** Adds a closed record of the same SF into this one. */
  mergeFrom(other: RawRecord, da: PairArena, br: PairArena): void {
    merge(da, this.lines, other.lines);
    merge(br, this.branches, other.branches);
    for (const f of other.functions ?? []) this.addFunctionHits(f.name, f.hits, f.line);
  }

  /** The file, as views onto the parse's arrays (the function objects are handed over as they are). */
  toFile(lines: Uint32Array, hits: Float64Array, branches: Span, summary: BranchSummaries): LcovFile {
    const { start, end } = this.lines;
    return {
      path: this.path,
      lines: lines.subarray(start, end),
      hits: hits.subarray(start, end),
      branchLines: summary.lines.subarray(branches.start, branches.end),
      branchesTaken: summary.taken.subarray(branches.start, branches.end),
      branchesTotal: summary.total.subarray(branches.start, branches.end),
      functions: this.functions ?? NO_FUNCTIONS,
    };
  }
}

/** Per branch line: its number, how many of its branches ran, of how many. */
interface BranchSummaries {
  lines: Uint32Array;
  taken: Uint32Array;
  total: Uint32Array;
  length: number;
}

/** The files of a finished parse, as views onto the arenas and one branch summary. */
export function buildFiles(records: readonly RawRecord[], da: PairArena, br: PairArena): LcovFile[] {
  // A record has at most as many branch lines as BRDA entries, and the spans fit in the arena.
  const summary = { lines: new Uint32Array(br.length), taken: new Uint32Array(br.length), total: new Uint32Array(br.length), length: 0 };
  const lines = da.keys();
  const hits = da.values();
  return records.map((r) => r.toFile(lines, hits, summariseBranches(br, r.branches, summary), summary));
}

/** Per line: how many of its branches ran, of how many. Appends to `out`; returns the span written. */
function summariseBranches(br: PairArena, span: Span, out: BranchSummaries): Span {
  const first = out.length;
  for (let i = span.start; i < span.end; i++) {
    const line = br.keyAt(i);
    let j = i;
    let ran = br.valueAt(i) > 0 ? 1 : 0;
    while (j + 1 < span.end && br.keyAt(j + 1) === line) ran += br.valueAt(++j) > 0 ? 1 : 0;
    out.lines[out.length] = line;
    out.taken[out.length] = ran;
    out.total[out.length++] = j - i + 1;
    i = j;
  }
  return { start: first, end: out.length };
}

/**
 * Puts a span in key order (stable); with `unique`, equal keys are summed into one entry. Spans
 * already in order (the usual case) stay where they are; others are rewritten at the arena's end
 * (and the function says true).
 */
function normalise(arena: PairArena, span: Span, unique: boolean): boolean {
  let ordered = true;
  for (let i = span.start + 1; i < span.end && ordered; i++) {
    const prev = arena.keyAt(i - 1);
    ordered = unique ? arena.keyAt(i) > prev : arena.keyAt(i) >= prev;
  }
  if (ordered) return false;
  const order: number[] = [];
  for (let i = span.start; i < span.end; i++) order.push(i);
  order.sort((a, b) => arena.keyAt(a) - arena.keyAt(b));
  const start = arena.length;
  for (const i of order) {
    const last = arena.length - 1;
    if (unique && last >= start && arena.keyAt(last) === arena.keyAt(i)) arena.addToValue(last, arena.valueAt(i));
    else arena.push(arena.keyAt(i), arena.valueAt(i));
  }
  span.start = start;
  span.end = arena.length;
  return true;
}

/**
 * Merges two ordered spans into a new span at the arena's end, pairing the n-th entry of a key
 * in one with the n-th entry of that key in the other and adding their values.
 */
function merge(arena: PairArena, into: Span, from: Span): void {
  const start = arena.length;
  let i = into.start;
  let j = from.start;
  while (i < into.end || j < from.end) {
    const ka = i < into.end ? arena.keyAt(i) : Infinity;
    const kb = j < from.end ? arena.keyAt(j) : Infinity;
    const key = Math.min(ka, kb);
    const va = ka === key ? arena.valueAt(i++) : 0;
    const vb = kb === key ? arena.valueAt(j++) : 0;
    arena.push(key, va + vb);
  }
  into.start = start;
  into.end = arena.length;
}
