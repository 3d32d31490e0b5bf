/**
 * A seeded StrykerJS-shaped mutation report (mutation-testing-report-schema 3.x, the shape
 * StrykerJS 9 writes: schemaVersion "1.0", projectRoot, config, framework, testFiles, numeric
 * test ids, coveredBy on every mutant, killedBy and statusReason on killed ones).
 * Every file embeds its `source` and every mutant's location lies inside it.
 * The same options give the same report.
 */
import type { MutantResult, MutationTestResult, TestDefinition } from 'mutation-testing-report-schema/api';
import { seededRandom } from './lcov';
import { generateSource, type Site } from './source';

export interface ReportOptions {
  readonly seed: number;
  readonly mutants: number;
  readonly files: number;
  /** Mutants in the first file (the "hot" file the per-file bench opens). */
  readonly hotFileMutants: number;
  readonly testFiles: number;
  readonly testsPerFile: number;
  /** The projectRoot written into the report. */
  readonly projectRoot: string;
}

export const DEFAULT_REPORT_OPTIONS: Omit<ReportOptions, 'projectRoot'> = {
  seed: 7,
  mutants: 100_000,
  files: 2_000,
  hotFileMutants: 2_000,
  testFiles: 400,
  testsPerFile: 25,
};

type Int = (n: number) => number;

/** Status shares close to a real mid-sized project's report. */
const STATUSES: ReadonlyArray<readonly [MutantResult['status'], number]> = [
  ['Killed', 0.68],
  ['Survived', 0.14],
  ['NoCoverage', 0.08],
  ['Timeout', 0.05],
  ['Ignored', 0.02],
  ['RuntimeError', 0.02],
  ['CompileError', 0.01],
];

export function hotFileKey(): string {
  return 'src/hot/checkout.ts';
}

export function generateReport(options: ReportOptions): MutationTestResult {
  const random = seededRandom(options.seed);
  const int: Int = (n) => Math.floor(random() * n);
  const counts = mutantCounts(options, random);
  const testCount = options.testFiles * options.testsPerFile;
  const files: MutationTestResult['files'] = {};
  let nextId = 0;
  counts.forEach((count, index) => {
    const key = index === 0 ? hotFileKey() : `src/module${index % 50}/file${index}.ts`;
    const lineCount = index === 0 ? Math.ceil(count * 0.6) : 50 + int(151);
    const { text, sites } = sourceWithSites(int, lineCount, count, index);
    const chosen = sample(sites, count, int);
    const mutants = chosen.map((site) => mutant(String(nextId++), site, int, testCount));
    files[key] = { language: 'typescript', source: text, mutants };
  });
  return {
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60 },
    projectRoot: options.projectRoot,
    files,
    testFiles: testFiles(options, int),
    framework: { name: 'StrykerJS', version: '9.6.1', dependencies: { vitest: '3.2.4', typescript: '5.9.3' } },
    config: { testRunner: 'vitest', mutate: ['src/**/*.ts'], reporters: ['json', 'html', 'clear-text'], concurrency: 4, incremental: false },
  };
}

/** The first file gets `hotFileMutants`; the rest share the remainder with random weights (at least 5 each). */
function mutantCounts(options: ReportOptions, random: () => number): number[] {
  const rest = options.mutants - options.hotFileMutants;
  const others = options.files - 1;
  const weights = Array.from({ length: others }, () => 0.4 + random() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(5, Math.floor((rest * w) / sum)));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % others) {
    const step = left > 0 ? 1 : -1;
    if ((counts[i] ?? 0) + step >= 5) {
      counts[i] = (counts[i] ?? 0) + step;
      left -= step;
    }
  }
  return [options.hotFileMutants, ...counts];
}

/** A source with at least `needed` mutation sites (grown past `lineCount` when a file is dense). */
function sourceWithSites(int: Int, lineCount: number, needed: number, index: number): ReturnType<typeof generateSource> {
  for (let lines = lineCount; ; lines = Math.ceil(lines * 1.25)) {
    const generated = generateSource(int, lines, index);
    if (generated.sites.length >= needed) return generated;
  }
}

/** `count` distinct sites in document order (partial Fisher–Yates, then sorted by index). */
function sample(sites: readonly Site[], count: number, int: Int): Site[] {
  const order = sites.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + int(order.length - i);
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => sites[i] as Site);
}

function mutant(id: string, site: Site, int: Int, testCount: number): MutantResult {
  const status = pickStatus(int);
  const coveredBy = status === 'NoCoverage' ? [] : coveringTests(int, testCount);
  const result: MutantResult = {
    id,
    mutatorName: site.mutatorName,
    replacement: site.replacement,
    status,
    static: false,
    coveredBy,
    location: { start: { ...site.start }, end: { ...site.end } },
  };
  if (status === 'Killed') {
    result.killedBy = coveredBy.slice(0, 1 + int(3));
    result.statusReason = `AssertionError: expected ${int(1000)} to be ${int(1000)} // Object.is equality`;
    result.testsCompleted = 1 + int(coveredBy.length);
  } else if (status === 'Survived') {
    result.killedBy = [];
    result.testsCompleted = coveredBy.length;
  } else if (status === 'RuntimeError') {
    result.statusReason = 'TypeError: Cannot read properties of undefined (reading \'length\')';
  }
  return result;
}

function pickStatus(int: Int): MutantResult['status'] {
  let roll = int(10_000) / 10_000;
  for (const [status, share] of STATUSES) {
    if (roll < share) return status;
    roll -= share;
  }
  return 'Killed';
}

/** 10–59 test ids from a contiguous neighbourhood (tests of related spec files), ascending. */
function coveringTests(int: Int, testCount: number): string[] {
  const count = 10 + int(50);
  const first = int(Math.max(1, testCount - 4 * count));
  const ids = new Set<number>();
  while (ids.size < count) ids.add(first + int(4 * count));
  return [...ids].sort((a, b) => a - b).map(String);
}

function testFiles(options: ReportOptions, int: Int): NonNullable<MutationTestResult['testFiles']> {
  const result: NonNullable<MutationTestResult['testFiles']> = {};
  let id = 0;
  for (let file = 0; file < options.testFiles; file++) {
    const tests: TestDefinition[] = [];
    const lines = [`import { describe, expect, it } from 'vitest';`, `import { run } from '../src/module${file % 50}/file${file}';`, '', `describe('file${file}', () => {`];
    for (let t = 0; t < options.testsPerFile; t++) {
      const name = `file${file} case ${t}`;
      tests.push({ id: String(id++), name, location: { start: { line: lines.length + 1, column: 3 } } });
      lines.push(`  it('case ${t}', () => {`, `    expect(run(${int(100)})).toBe('${int(100)}');`, '  });');
    }
    lines.push('});', '');
    result[`test/module${file % 50}/file${file}.spec.ts`] = { tests, source: lines.join('\n') };
  }
  return result;
}
