/**
 * Storage of a parse: every DA and BRDA number goes into a few shared growable typed arrays (an
 * arena), and each SF keeps offsets into them. No object per DA or BRDA, one allocation per
 * doubling, and the numbers live outside the JS heap, so the garbage collector never copies them.
 * Each file of the result is a set of views (`subarray`) onto the arena.
 *
 * Records of the same SF merge: line hits add up; the k-th branch of a line in one record is the
 * k-th branch of that line in another (same tool, same source), and it is taken when either took it.
 */
import { NumList, type PairArena } from './lcovArena';
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

export class RawRecord {
  readonly lines: Span;
  readonly branches: Span;
  readonly functions = new Map<string, MutableFunction>();
  /** lcov 2.x FNL: function index → 0-based start line. */
  functionLines: Map<number, number> | undefined;

  constructor(readonly path: string, da: PairArena, br: PairArena) {
    this.lines = { start: da.length, end: da.length };
    this.branches = { start: br.length, end: br.length };
  }

  declareFunction(name: string, line: number | undefined): void {
    const f = this.functions.get(name);
    if (f === undefined) this.functions.set(name, { name, line, hits: 0 });
    else if (f.line === undefined) f.line = line;
  }

  addFunctionHits(name: string, hits: number, line: number | undefined): void {
    const f = this.functions.get(name);
    if (f === undefined) {
      this.functions.set(name, { name, line, hits });
      return;
    }
    f.hits += hits;
    if (f.line === undefined) f.line = line;
  }

  /** Ends the record: its spans reach the arenas' ends, then are put in line order. */
  close(da: PairArena, br: PairArena): void {
    this.lines.end = da.length;
    this.branches.end = br.length;
    normalise(da, this.lines, true);
    normalise(br, this.branches, false);
  }

  /** Adds a closed record of the same SF into this one. */
  mergeFrom(other: RawRecord, da: PairArena, br: PairArena): void {
    merge(da, this.lines, other.lines);
    merge(br, this.branches, other.branches);
    for (const f of other.functions.values()) this.addFunctionHits(f.name, f.hits, f.line);
  }

  toFile(lines: Uint32Array, hits: Float64Array, branches: BranchSummary): LcovFile {
    const { start, end } = this.lines;
    const functions: LcovFunction[] = [...this.functions.values()].map((f) => ({ ...f }));
    return { path: this.path, lines: lines.subarray(start, end), hits: hits.subarray(start, end), ...branches, functions };
  }
}

type BranchSummary = Pick<LcovFile, 'branchLines' | 'branchesTaken' | 'branchesTotal'>;

/** The files of a finished parse, as views onto one copy of the arenas. */
export function buildFiles(records: readonly RawRecord[], da: PairArena, br: PairArena): LcovFile[] {
  const summary = { lines: new NumList(), taken: new NumList(), total: new NumList() };
  const spans = records.map((r) => summariseBranches(br, r.branches, summary));
  const lines = new Uint32Array(da.keys());
  const hits = da.values();
  const branchLines = new Uint32Array(summary.lines.view());
  const taken = new Uint32Array(summary.taken.view());
  const total = new Uint32Array(summary.total.view());
  return records.map((r, i) => {
    const { start, end } = spans[i] as Span;
    const branches = {
      branchLines: branchLines.subarray(start, end),
      branchesTaken: taken.subarray(start, end),
      branchesTotal: total.subarray(start, end),
    };
    return r.toFile(lines, hits, branches);
  });
}

/** Per line: how many of its branches ran, of how many. Appends to `out`; returns the span written. */
function summariseBranches(br: PairArena, span: Span, out: { lines: NumList; taken: NumList; total: NumList }): Span {
  const keys = br.keys();
  const values = br.values();
  const first = out.lines.length;
  for (let i = span.start; i < span.end; i++) {
    const line = keys[i] as number;
    let j = i;
    let ran = (values[i] as number) > 0 ? 1 : 0;
    while (j + 1 < span.end && keys[j + 1] === line) ran += (values[++j] as number) > 0 ? 1 : 0;
    out.lines.push(line);
    out.taken.push(ran);
    out.total.push(j - i + 1);
    i = j;
  }
  return { start: first, end: out.lines.length };
}

/**
 * Puts a span in key order (stable); with `unique`, equal keys are summed into one entry. Spans
 * already in order (the usual case) stay where they are; others are rewritten at the arena's end.
 */
function normalise(arena: PairArena, span: Span, unique: boolean): void {
  const keys = arena.keys();
  let ordered = true;
  for (let i = span.start + 1; i < span.end && ordered; i++) {
    const prev = keys[i - 1] as number;
    ordered = unique ? (keys[i] as number) > prev : (keys[i] as number) >= prev;
  }
  if (ordered) return;
  const values = arena.values();
  const order: number[] = [];
  for (let i = span.start; i < span.end; i++) order.push(i);
  order.sort((a, b) => (keys[a] as number) - (keys[b] as number));
  const start = arena.length;
  for (const i of order) {
    const last = arena.length - 1;
    if (unique && last >= start && arena.keys()[last] === keys[i]) addAt(arena.values(), last, values[i] as number);
    else arena.push(keys[i] as number, values[i] as number);
  }
  span.start = start;
  span.end = arena.length;
}

function addAt(view: Float64Array, index: number, amount: number): void {
  view[index] = (view[index] as number) + amount;
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
    const keys = arena.keys();
    const ka = i < into.end ? (keys[i] as number) : Infinity;
    const kb = j < from.end ? (keys[j] as number) : Infinity;
    const key = Math.min(ka, kb);
    const va = ka === key ? (arena.values()[i++] as number) : 0;
    const vb = kb === key ? (arena.values()[j++] as number) : 0;
    arena.push(key, va + vb);
  }
  into.start = start;
  into.end = arena.length;
}
