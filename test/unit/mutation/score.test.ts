import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { buildLoadedReport } from '../../../src/core/mutation/report/build';
import type { ReportMutant, ReportSourceFile } from '../../../src/core/mutation/report/model';
import { parseReportText } from '../../../src/core/mutation/report/parse';
import { formatScore, reportScore, scoreLevel, scoreOf } from '../../../src/core/mutation/score';
import type { MutantStatus } from '../../../src/core/shared/types';
import { SAMPLE, SAMPLE_JSON, sampleJsonText } from './report/fixtures';

function sampleReport() {
  const parsed = parseReportText(sampleJsonText(), 'json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return buildLoadedReport(parsed.value, { reportPath: SAMPLE_JSON, tool: 'stryker-js', packageDir: SAMPLE, workspaceFolders: [SAMPLE], exists: existsSync, filesNamed: () => [] });
}

function fileWith(...statuses: MutantStatus[]): ReportSourceFile {
  const mutants = statuses.map((status, i): ReportMutant => ({
    id: String(i), mutatorName: 'M', replacement: 'x', description: undefined, status, statusReason: undefined,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, coveredBy: undefined, killedBy: undefined, isStatic: undefined,
  }));
  return { path: '/a.ts', key: 'a.ts', language: 'typescript', source: 'x', mutants };
}

describe('scores as the HTML report shows them (EXPECTED.md)', () => {
  it('per file and for the whole report', () => {
    const report = sampleReport();
    const file = (name: string) => report.files.get(path.join(SAMPLE, 'src', name))!;
    expect(formatScore(scoreOf([file('cart.ts')]))).toBe('63.16%');
    expect(scoreOf([file('cart.ts')])).toBeCloseTo(63.157, 2);
    expect(scoreOf([file('format.ts')])).toBeCloseTo(60.0, 5);
    expect(scoreOf([file('shipping.ts')])).toBe(100);
    expect(scoreOf([file('validate.ts')])).toBeCloseTo(40.98, 2);
    expect(reportScore(report)).toBeCloseTo(54.48, 2);
    expect(reportScore(report)).toBe(reportScore(report));
  });

  it('counts timeouts as detected and leaves errors and ignored out', () => {
    expect(scoreOf([fileWith('Killed', 'Timeout', 'Survived', 'NoCoverage')])).toBe(50);
    expect(scoreOf([fileWith('Killed', 'CompileError', 'RuntimeError', 'Ignored')])).toBe(100);
    expect(scoreOf([fileWith('Ignored')])).toBeNaN();
  });
});

describe('scoreLevel', () => {
  const thresholds = { high: 80, low: 60 };
  it('colours like the HTML report', () => {
    expect(scoreLevel(80, thresholds)).toBe('high');
    expect(scoreLevel(79.99, thresholds)).toBe('medium');
    expect(scoreLevel(60, thresholds)).toBe('medium');
    expect(scoreLevel(59.99, thresholds)).toBe('low');
    expect(scoreLevel(Number.NaN, thresholds)).toBe('none');
  });
});

describe('formatScore', () => {
  it('keeps two decimals, rounded like the HTML report', () => {
    expect(formatScore(54.4827)).toBe('54.48%');
    expect(formatScore(100)).toBe('100.00%');
    expect(formatScore(12.349)).toBe('12.35%');
    expect(formatScore(12.344)).toBe('12.34%');
    expect(formatScore(Number.NaN)).toBe('n/a');
  });
});
