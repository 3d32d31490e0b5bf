import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const SAMPLE = path.resolve(__dirname, '../../../fixtures/sample-project');
export const SAMPLE_JSON = path.join(SAMPLE, 'reports/mutation/mutation.json');
export const SAMPLE_HTML = path.join(SAMPLE, 'reports/mutation/mutation.html');

export function sampleJsonText(): string {
  return readFileSync(SAMPLE_JSON, 'utf8');
}

/** A minimal valid report with one file and the given mutants. */
export function tinyReport(mutants: unknown[], source = 'const a = b >= c;\n', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'src/a.ts': { language: 'typescript', source, mutants } }, ...extra };
}

export function mutant(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '1',
    mutatorName: 'EqualityOperator',
    replacement: 'b > c',
    status: 'Survived',
    location: { start: { line: 1, column: 11 }, end: { line: 1, column: 17 } },
    ...overrides,
  };
}
