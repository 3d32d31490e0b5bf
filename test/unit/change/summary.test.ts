import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { calculateMetrics } from 'mutation-testing-metrics';
import type { FileResult } from 'mutation-testing-report-schema/api';
import { baseIndexOf, baseSurvivorKeys, newSinceBase, type BaseIndex } from '../../../src/core/change/baseMatch';
import { changeSummary, summarizeFile, undetectedChangeMutants, type ChangeSummary } from '../../../src/core/change/summary';
import type { LoadedReport } from '../../../src/core/mutation/report/model';
import { describe as show, loadReportAt, placedIn, sampleWorkspace, SAMPLE_REPORT, WORKTREE_REPORT, type Placed, type Workspace } from './fixtures';

type Input = Placed & { readonly newSinceBase: boolean | undefined };

let ws: Workspace;
let current: LoadedReport;
let base: BaseIndex;

beforeAll(async () => {
  ws = await sampleWorkspace();
  current = loadReportAt(WORKTREE_REPORT, ws.root);
  base = baseIndexOf(JSON.parse(readFileSync(SAMPLE_REPORT, 'utf8')));
});
afterAll(() => ws.dispose());

const abs = (file: string): string => path.join(ws.root, file);

function summary(report: LoadedReport, withBase: boolean, coverage = ws.coverage): ChangeSummary<Input> {
  return changeSummary(
    [...ws.changed].map(([file, changed]) => {
      const keys = withBase ? baseSurvivorKeys(base.get(path.relative(ws.root, file)), readFileSync(file, 'utf8')) : undefined;
      const mutants = placedIn(report, file).map((m) => ({ ...m, newSinceBase: newSinceBase({ ...m, mutatorName: m.mutant.mutatorName, replacement: m.mutant.replacement }, keys) }));
      return { path: file, changed, coverage: coverage.get(file), mutants, baseKnown: withBase };
    }),
  );
}

describe('the change of the sample workspace (real git diff, real lcov, real Stryker report of the working tree)', () => {
  it('has the changed lines git gives', () => {
    expect(Object.fromEntries([...ws.changed].map(([file, lines]) => [path.relative(ws.root, file), lines]))).toEqual({
      'src/cart.ts': [24, 29],
      'src/format.ts': [1, 10, 27],
      'src/loyalty.ts': 'all',
      'src/validate.ts': [27, 29],
    });
  });

  it('scores each file and the whole change, new survivors against the report of the merge base', () => {
    const s = summary(current, true);
    const scores = Object.fromEntries([...s.files].map(([file, f]) => [path.relative(ws.root, file), f.score]));
    expect(scores).toEqual({
      'src/cart.ts': { changedLines: 2, coveredChangedLines: 2, mutants: 12, detected: 7, undetected: 5, stale: 0, newSurvivors: 5, mutationScore: (7 / 12) * 100 },
      'src/format.ts': { changedLines: 2, coveredChangedLines: 1, mutants: 13, detected: 8, undetected: 5, stale: 0, newSurvivors: 5, mutationScore: (8 / 13) * 100 },
      'src/loyalty.ts': { changedLines: 4, coveredChangedLines: 0, mutants: 3, detected: 0, undetected: 3, stale: 0, newSurvivors: 3, mutationScore: 0 },
      'src/validate.ts': { changedLines: 2, coveredChangedLines: 0, mutants: 10, detected: 0, undetected: 10, stale: 0, newSurvivors: 8, mutationScore: 0 },
    });
    expect(s.total).toEqual({ changedLines: 10, coveredChangedLines: 3, mutants: 38, detected: 15, undetected: 23, stale: 0, newSurvivors: 21, mutationScore: (15 / 38) * 100 });
  });

  it('has no new-survivor count without a base report', () => {
    const s = summary(current, false);
    expect(s.total.newSurvivors).toBeUndefined();
    expect(s.files.get(abs('src/cart.ts'))?.score.newSurvivors).toBeUndefined();
    expect(s.total.mutants).toBe(38);
  });

  it('gives the score mutation-testing-metrics gives for the same mutants, per file and for the whole change', () => {
    const s = summary(current, true);
    const files: Record<string, FileResult> = {};
    for (const [file, f] of s.files) {
      const one = { language: 'typescript', source: '', mutants: f.mutants.map((m, i) => ({ id: String(i), mutatorName: m.mutant.mutatorName, status: m.status, location: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } })) };
      files[path.relative(ws.root, file)] = one;
      const metrics = calculateMetrics({ [path.relative(ws.root, file)]: one }).metrics;
      expect([f.score.mutationScore, f.score.detected, f.score.undetected, f.score.mutants]).toEqual([metrics.mutationScore, metrics.totalDetected, metrics.totalUndetected, metrics.totalValid]);
    }
    const all = calculateMetrics(files).metrics;
    expect([s.total.mutationScore, s.total.detected, s.total.undetected, s.total.mutants]).toEqual([all.mutationScore, all.totalDetected, all.totalUndetected, all.totalValid]);
  });

  it('counts mutants spanning several lines that contain a changed line (block statements)', () => {
    const s = summary(current, true);
    const blocks = [...s.files.values()].flatMap((f) => f.mutants.filter((m) => m.range.start.line !== m.range.end.line).map((m) => `${path.relative(ws.root, f.path)} ${show(m)} ${String(m.newSinceBase)}`));
    expect(blocks).toEqual([
      'src/cart.ts 22:54-26:1 BlockStatement Killed undefined',
      'src/cart.ts 28:75-35:1 BlockStatement Killed undefined',
      'src/format.ts 5:79-12:1 BlockStatement Killed undefined',
      'src/format.ts 25:60-28:1 BlockStatement Killed undefined',
      'src/loyalty.ts 2:75-5:1 BlockStatement NoCoverage true',
      'src/validate.ts 21:72-30:1 BlockStatement NoCoverage false',
      'src/validate.ts 26:24-28:3 BlockStatement NoCoverage false',
    ]);
  });

  it('counts a mutant that touches a changed line only with its last line', () => {
    const file = abs('src/validate.ts');
    const f = summarizeFile({ path: file, changed: [28], coverage: ws.coverage.get(file), mutants: placedIn(current, file), baseKnown: false });
    expect(f.mutants.map(show)).toEqual(['21:72-30:1 BlockStatement NoCoverage', '26:24-28:3 BlockStatement NoCoverage']);
    expect(f.verdicts).toEqual([{ line: 28, verdict: 'not-run' }]); // v8 lists the closing brace
    const after = summarizeFile({ path: file, changed: [29], coverage: ws.coverage.get(file), mutants: placedIn(current, file), baseKnown: false });
    expect(after.mutants.map(show)).toEqual([
      '21:72-30:1 BlockStatement NoCoverage',
      '29:9-29:28 ConditionalExpression NoCoverage',
      '29:9-29:28 ConditionalExpression NoCoverage',
      '29:9-29:28 EqualityOperator NoCoverage',
      '29:9-29:28 EqualityOperator NoCoverage',
    ]);
  });

  it('gives one verdict per changed line lcov lists, in the order of precedence', () => {
    const s = summary(current, true);
    const verdicts = Object.fromEntries([...s.files].map(([file, f]) => [path.relative(ws.root, file), f.verdicts.map((v) => `${v.line} ${v.verdict}`)]));
    expect(verdicts).toEqual({
      'src/cart.ts': ['24 not-checked', '29 not-checked'],
      'src/format.ts': ['10 checked', '27 not-run'],
      'src/loyalty.ts': ['2 not-run', '3 not-run', '4 not-run', '5 not-run'],
      'src/validate.ts': ['27 not-run', '29 not-run'],
    });
  });

  it('counts the stale mutants apart when the report is older than the code (the report of the merge base)', () => {
    const s = summary(loadReportAt(SAMPLE_REPORT, ws.root), false);
    expect(s.total).toEqual({ changedLines: 10, coveredChangedLines: 3, mutants: 0, detected: 0, undetected: 0, stale: 21, newSurvivors: undefined, mutationScore: NaN });
    expect(s.files.get(abs('src/cart.ts'))?.mutants.map(show)).toEqual([
      '24:6-24:31 ConditionalExpression Survived stale',
      '24:6-24:31 ConditionalExpression Killed stale',
      '24:6-24:31 EqualityOperator Survived stale',
      '24:6-24:31 EqualityOperator Killed stale',
    ]);
    // Stale results say nothing about the line: it ran, with no current mutant.
    expect(s.files.get(abs('src/cart.ts'))?.verdicts).toEqual([
      { line: 24, verdict: 'ran' },
      { line: 29, verdict: 'ran' },
    ]);
  });

  it('scores files lcov does not know by their mutants alone, with no line counts and no verdicts', () => {
    const s = summary(current, true, new Map());
    expect(s.total).toEqual({ changedLines: 0, coveredChangedLines: 0, mutants: 38, detected: 15, undetected: 23, stale: 0, newSurvivors: 21, mutationScore: (15 / 38) * 100 });
    expect([...s.files.values()].flatMap((f) => f.verdicts)).toEqual([]);
  });

  it('lists the undetected change mutants by file and position', () => {
    const list = undetectedChangeMutants(summary(current, true)).map(({ path: file, mutant }) => `${path.relative(ws.root, file)} ${show(mutant)}`);
    expect(list).toHaveLength(23);
    expect(list.slice(0, 6)).toEqual([
      'src/cart.ts 24:6-24:20 ConditionalExpression Survived',
      'src/cart.ts 24:6-24:20 EqualityOperator Survived',
      'src/cart.ts 29:6-29:32 ConditionalExpression Survived',
      'src/cart.ts 29:25-29:32 StringLiteral Survived',
      'src/cart.ts 29:52-29:62 ArithmeticOperator NoCoverage',
      'src/format.ts 27:9-27:44 MethodExpression NoCoverage',
    ]);
  });
});

describe('a new file (every line changed) with current coverage and report', () => {
  it('gets all four verdicts: not run, ran not checked, checked, ran', async () => {
    const ws2 = await sampleWorkspace();
    try {
      const file = path.join(ws2.root, 'src/format.ts');
      const f = summarizeFile({ path: file, changed: 'all', coverage: ws2.coverage.get(file), mutants: placedIn(loadReportAt(WORKTREE_REPORT, ws2.root), file), baseKnown: false });
      expect(f.verdicts.map((v) => `${v.line + 1} ${v.verdict}`)).toEqual([
          '6 checked',
          '7 not-checked',
          '8 ran',
          '9 checked',
          '10 not-checked',
          '11 checked',
          '12 checked',
          '13 ran',
          '15 checked',
          '16 not-checked',
          '17 ran',
          '19 checked',
          '20 not-checked',
          '21 not-checked',
          '22 not-checked',
          '23 checked',
          '24 ran',
          '26 checked',
          '27 not-checked',
          '28 not-run',
          '29 not-run',
        ]);
    } finally {
      ws2.dispose();
    }
  });
});

describe('changeSummary order', () => {
  it('keeps the files sorted by path whatever order they come in', () => {
    const input = (file: string): { path: string; changed: number[]; coverage: undefined; mutants: Input[]; baseKnown: boolean } => ({ path: file, changed: [], coverage: undefined, mutants: [], baseKnown: false });
    expect([...changeSummary([input('/w/c.ts'), input('/w/a.ts'), input('/w/b.ts')]).files.keys()]).toEqual(['/w/a.ts', '/w/b.ts', '/w/c.ts']);
    expect([...changeSummary([input('/w/a.ts'), input('/w/c.ts'), input('/w/b.ts')]).files.keys()]).toEqual(['/w/a.ts', '/w/b.ts', '/w/c.ts']);
  });
});
