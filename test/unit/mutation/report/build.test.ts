import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { buildContextOf, buildLoadedReport, comparePositions, isOrdered, toRange } from '../../../../src/core/mutation/report/build';
import { parseReportText } from '../../../../src/core/mutation/report/parse';
import { SAMPLE, SAMPLE_JSON, mutant, sampleJsonText, tinyReport } from './fixtures';

function sample(): MutationTestResult {
  const parsed = parseReportText(sampleJsonText(), 'json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const context = { reportPath: SAMPLE_JSON, tool: 'stryker-js' as const, packageDir: SAMPLE, workspaceFolders: [SAMPLE], exists: existsSync, filesNamed: () => [] };

describe('buildLoadedReport', () => {
  it('indexes the real report by absolute path with 0-based ranges', () => {
    const report = buildLoadedReport(sample(), context);
    expect([...report.files.keys()].sort()).toEqual(['cart.ts', 'format.ts', 'shipping.ts', 'validate.ts'].map((f) => path.join(SAMPLE, 'src', f)));
    const cart = report.files.get(path.join(SAMPLE, 'src/cart.ts'));
    const firstSurvivor = cart?.mutants.find((m) => m.status === 'Survived');
    expect(firstSurvivor?.range).toEqual({ start: { line: 23, character: 6 }, end: { line: 23, character: 21 } });
    expect(firstSurvivor?.mutatorName).toBe('EqualityOperator');
    expect(firstSurvivor?.replacement).toBe('quantity > 100');
    expect(report.thresholds).toEqual({ high: 80, low: 60, break: undefined });
    expect(report.ignoredKeys).toEqual([]);
    expect(report.droppedMutants).toBe(0);
    expect(report.tests.size).toBe(22);
    expect(cart?.key).toBe('src/cart.ts');
    expect(cart?.language).toBe('typescript');
  });

  it('counts mutants per status as the report has them', () => {
    const report = buildLoadedReport(sample(), context);
    const counts: Record<string, number> = {};
    for (const file of report.files.values()) for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
    expect(counts).toEqual({ Killed: 79, Survived: 32, NoCoverage: 34 });
  });

  it('sorts mutants by start, then end', () => {
    const raw = tinyReport([
      mutant({ id: 'b', location: { start: { line: 1, column: 11 }, end: { line: 1, column: 17 } } }),
      mutant({ id: 'a', location: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } } }),
      mutant({ id: 'c', location: { start: { line: 1, column: 11 }, end: { line: 1, column: 13 } } }),
    ]) as unknown as MutationTestResult;
    const report = buildLoadedReport(raw, { ...context, workspaceFolders: ['/ws'], packageDir: '/ws', exists: () => true });
    expect(report.files.get('/ws/src/a.ts')?.mutants.map((m) => m.id)).toEqual(['a', 'c', 'b']);
  });

  it('drops mutants whose end comes before their start, and counts them', () => {
    const raw = tinyReport([mutant({ location: { start: { line: 2, column: 1 }, end: { line: 1, column: 5 } } }), mutant({ id: '2' })]) as unknown as MutationTestResult;
    const report = buildLoadedReport(raw, { ...context, workspaceFolders: ['/ws'], packageDir: '/ws', exists: () => true });
    expect(report.droppedMutants).toBe(1);
    expect(report.files.get('/ws/src/a.ts')?.mutants.map((m) => m.id)).toEqual(['2']);
  });

  it('keeps the break threshold and maps tests from testFiles', () => {
    const raw = tinyReport([mutant({ coveredBy: ['t1'], killedBy: [] })], 'x', {
      thresholds: { high: 90, low: 70, break: 50 },
      testFiles: { 'test/a.test.ts': { tests: [{ id: 't1', name: 'adds' }] }, '': { tests: [{ id: 't2', name: 'anon' }] } },
    }) as unknown as MutationTestResult;
    const report = buildLoadedReport(raw, { ...context, workspaceFolders: ['/ws'], packageDir: '/ws', exists: () => true });
    expect(report.thresholds).toEqual({ high: 90, low: 70, break: 50 });
    expect([...report.tests.values()]).toEqual([
      { id: 't1', name: 'adds', file: 'test/a.test.ts' },
      { id: 't2', name: 'anon', file: undefined },
    ]);
    const only = report.files.get('/ws/src/a.ts')?.mutants[0];
    expect(only).toEqual({
      id: '1', mutatorName: 'EqualityOperator', replacement: 'b > c', description: undefined, status: 'Survived', statusReason: undefined,
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }, coveredBy: ['t1'], killedBy: [], isStatic: undefined,
    });
  });

  it('keeps the first of two keys that name the same file and lists the second with the reason', () => {
    const raw = tinyReport([mutant({ id: 'first' })]) as unknown as MutationTestResult;
    const second = { language: 'typescript', source: 'const a = b >= c;\n', mutants: [mutant({ id: 'second' })] };
    const withTwoKeys = { ...raw, files: { ...raw.files, './src/a.ts': second, '/ws/src/a.ts': second } } as unknown as MutationTestResult;
    const report = buildLoadedReport(withTwoKeys, { ...context, workspaceFolders: ['/ws'], packageDir: '/ws', exists: () => true });
    expect([[...report.files.keys()], report.files.get('/ws/src/a.ts')?.mutants.map((m) => m.id), report.ignoredKeys]).toEqual([
      ['/ws/src/a.ts'],
      ['first'],
      [
        { key: './src/a.ts', reason: 'names the same file as "src/a.ts"' },
        { key: '/ws/src/a.ts', reason: 'names the same file as "src/a.ts"' },
      ],
    ]);
  });

  it('lists keys it cannot resolve with the reason', () => {
    const raw = tinyReport([mutant()]) as unknown as MutationTestResult;
    const report = buildLoadedReport(raw, { ...context, workspaceFolders: ['/ws'], packageDir: '/ws', exists: () => false });
    expect(report.files.size).toBe(0);
    expect(report.ignoredKeys).toEqual([{ key: 'src/a.ts', reason: 'was not found in the workspace' }]);
  });
});

describe('positions', () => {
  it('converts 1-based report locations to 0-based ranges', () => {
    expect(toRange({ start: { line: 3, column: 5 }, end: { line: 4, column: 1 } })).toEqual({ start: { line: 2, character: 4 }, end: { line: 3, character: 0 } });
  });

  it('orders positions by line, then character', () => {
    expect(comparePositions({ line: 1, character: 9 }, { line: 2, character: 0 })).toBeLessThan(0);
    expect(comparePositions({ line: 2, character: 1 }, { line: 2, character: 0 })).toBeGreaterThan(0);
    expect(comparePositions({ line: 2, character: 1 }, { line: 2, character: 1 })).toBe(0);
    expect(isOrdered({ start: { line: 1, character: 1 }, end: { line: 1, character: 1 } })).toBe(true);
    expect(isOrdered({ start: { line: 1, character: 2 }, end: { line: 1, character: 1 } })).toBe(false);
  });
});

describe('buildContextOf', () => {
  it('takes the report path, tool and package folder of the candidate and the workspace answers', () => {
    const exists = (): boolean => true;
    const filesNamed = (): readonly string[] => [];
    const candidate = { path: '/ws/reports/mutation/mutation.json', format: 'json' as const, tool: 'stryker-js' as const, packageDir: '/ws', group: 'g', rank: '0' };
    expect(buildContextOf(candidate, { workspaceFolders: ['/ws'], exists, filesNamed })).toStrictEqual({ reportPath: '/ws/reports/mutation/mutation.json', tool: 'stryker-js', packageDir: '/ws', workspaceFolders: ['/ws'], exists, filesNamed });
  });

  it('resolves keys against projectRoot and the package folder', () => {
    const raw = tinyReport([mutant()], 'x', { projectRoot: '/ws/root' }) as unknown as MutationTestResult;
    const seen: string[] = [];
    const report = buildLoadedReport(raw, { ...context, workspaceFolders: ['/ws'], packageDir: '/ws/pkg', exists: (file) => (seen.push(file), false), filesNamed: () => [] });
    expect([seen, report.ignoredKeys]).toEqual([['/ws/root/src/a.ts', '/ws/pkg/src/a.ts'], [{ key: 'src/a.ts', reason: 'was not found in the workspace' }]]);
  });
});
