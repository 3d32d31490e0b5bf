// Both sides of an lcov file, as the same plain figures per SF: line, branch and function totals
// (found and hit) and the exact set of uncovered lines (0-based).
//   ours: parseLcov, the product's parser (records of one SF merged, summary-only detected)
//   reference: lcov-parse (npm, the parser Coverage Gutters uses), its records of one SF merged
//   here: hits of a line summed, a branch (line, block, branch) taken when any record took it,
//   a function's hits summed by name.
import { createRequire } from 'node:module';
import { NO_LINE_RECORDS } from '../../src/core/coverage/summaryOnly';
import { readLcovText } from '../../src/core/coverage/readLcovText';

export interface SfFigures {
  readonly lines: readonly [hit: number, found: number];
  readonly branches: readonly [hit: number, found: number];
  readonly functions: readonly [hit: number, found: number];
  readonly uncovered: readonly number[];
}

/** `refused`: not lcov, or (Mutant Lens) cut off before its final end_of_record. */
export type LcovVerdict = 'read' | 'summary-only' | 'refused';

export interface LcovFigures {
  readonly verdict: LcovVerdict;
  /** Why Mutant Lens refused the file. */
  readonly reason?: string;
  readonly files: ReadonlyMap<string, SfFigures>;
}

/** Through readLcovText, what the extension does with the text (summary-only and cut-off files refused). */
export function ourLcovFigures(text: string): LcovFigures {
  const read = readLcovText(text);
  if (read.kind !== 'ok') {
    return { verdict: read.reason === NO_LINE_RECORDS ? 'summary-only' : 'refused', reason: read.reason, files: new Map() };
  }
  const files = new Map<string, SfFigures>();
  for (const file of read.report.files) {
    const uncovered: number[] = [];
    let hit = 0;
    file.lines.forEach((line, i) => {
      if ((file.hits[i] ?? 0) > 0) hit++;
      else uncovered.push(line);
    });
    const sum = (values: Uint32Array): number => values.reduce((total, value) => total + value, 0);
    files.set(file.path, {
      lines: [hit, file.lines.length],
      branches: [sum(file.branchesTaken), sum(file.branchesTotal)],
      functions: [file.functions.filter((f) => f.hits > 0).length, file.functions.length],
      uncovered,
    });
  }
  return { verdict: 'read', files };
}

interface LcovParseItem {
  file: string;
  lines: { found: number; details: { line: number; hit: number }[] };
  functions: { details: { name: string; line: number; hit?: number }[] };
  branches: { details: { line: number; block: number; branch: number; taken: number }[] };
}

type WalkFile = (text: string, done: (error: unknown, data?: LcovParseItem[]) => void) => void;

const walkFile = (createRequire(__filename)('lcov-parse') as { source: WalkFile }).source;

function lcovParse(text: string): LcovParseItem[] | undefined {
  let items: LcovParseItem[] | undefined;
  walkFile(text, (error, data) => {
    items = error ? undefined : data;
  });
  return items;
}

interface MergedSf {
  lines: Map<number, number>;
  branches: Map<string, boolean>;
  functions: Map<string, number>;
  statedLines: number;
}

export function referenceLcovFigures(text: string): LcovFigures {
  const items = lcovParse(text);
  if (items === undefined) return { verdict: 'refused', files: new Map() };
  const merged = new Map<string, MergedSf>();
  for (const item of items) {
    if (item.file === undefined) continue;
    const sf = merged.get(item.file) ?? { lines: new Map(), branches: new Map(), functions: new Map(), statedLines: 0 };
    merged.set(item.file, sf);
    sf.statedLines += item.lines.found;
    for (const { line, hit } of item.lines.details) sf.lines.set(line, (sf.lines.get(line) ?? 0) + hit);
    for (const b of item.branches.details) {
      const key = `${b.line},${b.block},${b.branch}`;
      sf.branches.set(key, (sf.branches.get(key) ?? false) || b.taken > 0);
    }
    for (const f of item.functions.details) sf.functions.set(f.name, (sf.functions.get(f.name) ?? 0) + (f.hit ?? 0));
  }
  const files = new Map<string, SfFigures>();
  for (const [file, sf] of merged) {
    const lines = [...sf.lines].sort((a, b) => a[0] - b[0]);
    files.set(file, {
      lines: [lines.filter(([, hit]) => hit > 0).length, lines.length],
      branches: [[...sf.branches.values()].filter(Boolean).length, sf.branches.size],
      functions: [[...sf.functions.values()].filter((hits) => hits > 0).length, sf.functions.size],
      uncovered: lines.filter(([, hit]) => !(hit > 0)).map(([line]) => line - 1),
    });
  }
  const summaryOnly = merged.size > 0 && [...merged.values()].every((sf) => sf.lines.size === 0) && [...merged.values()].some((sf) => sf.statedLines > 0);
  return { verdict: summaryOnly ? 'summary-only' : 'read', files };
}

/** Every way the two sides differ, one sentence each (lists clipped to ten entries). */
export function lcovDifferences(ours: LcovFigures, reference: LcovFigures): string[] {
  if (ours.verdict !== reference.verdict) return [`verdict: Mutant Lens ${ours.verdict}, lcov-parse ${reference.verdict}`];
  // A summary-only file has nothing Mutant Lens could mark: it is refused with one message.
  if (ours.verdict !== 'read') return [];
  const differences: string[] = [];
  const sfs = [...new Set([...ours.files.keys(), ...reference.files.keys()])];
  for (const sf of sfs) {
    const a = ours.files.get(sf);
    const b = reference.files.get(sf);
    if (a === undefined || b === undefined) {
      differences.push(`SF ${JSON.stringify(sf)}: only ${a === undefined ? 'lcov-parse' : 'Mutant Lens'} has it`);
      continue;
    }
    for (const what of ['lines', 'branches', 'functions'] as const) {
      if (a[what][0] !== b[what][0] || a[what][1] !== b[what][1]) {
        differences.push(`SF ${JSON.stringify(sf)}: ${what} hit/found Mutant Lens ${a[what].join('/')}, lcov-parse ${b[what].join('/')}`);
      }
    }
    const onlyOurs = a.uncovered.filter((line) => !b.uncovered.includes(line));
    const onlyReference = b.uncovered.filter((line) => !a.uncovered.includes(line));
    if (onlyOurs.length + onlyReference.length > 0) {
      differences.push(`SF ${JSON.stringify(sf)}: uncovered lines only Mutant Lens [${clip(onlyOurs)}], only lcov-parse [${clip(onlyReference)}]`);
    }
  }
  return differences;
}

function clip(values: readonly number[]): string {
  const shown = values.slice(0, 10).map(String);
  if (values.length > 10) shown.push(`… ${values.length - 10} more`);
  return shown.join(', ');
}

export function totals(figures: LcovFigures): string {
  if (figures.reason !== undefined) return `${figures.verdict}: ${figures.reason}`;
  const all = [...figures.files.values()];
  const sum = (pick: (f: SfFigures) => readonly [number, number]): string => {
    const hit = all.reduce((t, f) => t + pick(f)[0], 0);
    const found = all.reduce((t, f) => t + pick(f)[1], 0);
    return `${hit}/${found}`;
  };
  const uncovered = all.reduce((t, f) => t + f.uncovered.length, 0);
  return `${figures.verdict}; ${all.length} SF, lines ${sum((f) => f.lines)}, branches ${sum((f) => f.branches)}, functions ${sum((f) => f.functions)}, ${uncovered} uncovered lines`;
}
