// Report text, file and model: arbitrary input never throws out of the public functions (a typed
// problem comes back), a report cut anywhere is "incomplete" (so it is retried, never shown), and
// building keeps exactly the ordered mutants, one position lower.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLoadedReport } from '../../../src/core/mutation/report/build';
import { classifyReport } from '../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../src/core/mutation/report/load';
import { parseReportText } from '../../../src/core/mutation/report/parse';
import { sameJson } from '../../../src/core/mutation/report/validate';
import { MUTANT_STATUSES } from '../../../src/core/shared/types';
import { checkAsyncProperty, checkProperty } from './property';

const KINDS = ['incomplete', 'syntax', 'schema'];
const FORMAT = fc.constantFrom('json' as const, 'html' as const);

/** Text that is sometimes JSON, sometimes nearly: JSON tokens, markers and noise glued together. */
const JSONISH = fc
  .array(fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\u00', 'true', 'nul', '-', '1e', '0.5', ' ', '\n', '\uFEFF', 'app.report = ', ';', '<"+"', '"files"', '"mutants"'), fc.string({ maxLength: 5 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const TEXT = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), JSONISH, fc.jsonValue().map((v) => JSON.stringify(v)));

const POSITION = fc.record({ line: fc.integer({ min: 1, max: 6 }), column: fc.integer({ min: 1, max: 30 }) });
const MUTANT = fc.record(
  {
    id: fc.string({ maxLength: 6 }),
    mutatorName: fc.string({ unit: 'binary', maxLength: 10 }),
    replacement: fc.string({ unit: 'binary', maxLength: 10 }),
    statusReason: fc.string({ unit: 'binary', maxLength: 10 }),
    status: fc.constantFrom(...MUTANT_STATUSES),
    location: fc.record({ start: POSITION, end: POSITION }),
    coveredBy: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'mutatorName', 'status', 'location'] },
);
const FILE = fc.record({ language: fc.string({ maxLength: 5 }), source: fc.string({ unit: 'binary', maxLength: 80 }), mutants: fc.uniqueArray(MUTANT, { selector: (m) => m.id, maxLength: 6 }) });
/** Reports the schema accepts, with keys that all resolve (f0.ts … f3.ts) and any positions. */
const REPORT = fc.record({
  schemaVersion: fc.constantFrom('1.0', '2'),
  thresholds: fc.record({ high: fc.integer({ min: 0, max: 100 }), low: fc.integer({ min: 0, max: 100 }) }),
  files: fc.dictionary(fc.constantFrom('f0.ts', 'f1.ts', 'f2.ts', 'f3.ts'), FILE, { maxKeys: 4 }),
});

const root = mkdtempSync(path.join(tmpdir(), 'ml-report-prop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('report parsing and loading under arbitrary input', () => {
  it('parseReportText never throws on arbitrary text', () => {
    checkProperty(
      'parseReportText never throws on arbitrary text',
      fc.property(TEXT, FORMAT, (text, format) => {
        const result = parseReportText(text, format);
        expect(result.ok || (KINDS.includes(result.error.kind) && result.error.message !== '')).toBe(true);
      }),
    );
  });

  it('parseReportText never throws on arbitrary JSON values, and calls every non-report a schema problem', () => {
    const shaped = fc.record(
      { schemaVersion: fc.jsonValue(), thresholds: fc.jsonValue(), files: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), FILE))), config: fc.jsonValue() },
      { requiredKeys: [] },
    );
    checkProperty(
      'parseReportText never throws on arbitrary JSON values',
      fc.property(fc.oneof(fc.jsonValue(), shaped), (value) => {
        const result = parseReportText(JSON.stringify(value), 'json');
        expect(result.ok ? 'ok' : result.error.kind).toBe(result.ok ? 'ok' : 'schema');
      }),
    );
  });

  it('a report cut at any offset is incomplete, never accepted', () => {
    checkProperty(
      'a report cut at any offset is incomplete, never accepted',
      fc.property(REPORT, (report) => {
        const text = JSON.stringify(report);
        expect(parseReportText(text, 'json').ok).toBe(true);
        const kinds = new Set<string>();
        for (let cut = 0; cut < text.length; cut++) {
          const result = parseReportText(text.slice(0, cut), 'json');
          kinds.add(result.ok ? `ok at ${cut}` : result.error.kind === 'incomplete' ? 'incomplete' : `${result.error.kind} at ${cut}: ${result.error.message}`);
        }
        expect([...kinds]).toEqual(['incomplete']);
      }),
    );
  }, 60_000);

  it('loadReport never throws on arbitrary bytes on disk', async () => {
    let n = 0;
    await checkAsyncProperty(
      'loadReport never throws on arbitrary bytes on disk',
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), TEXT.map((t) => new TextEncoder().encode(t))), FORMAT, async (bytes, format) => {
        const dir = path.join(root, `p${n++}`);
        const file = path.join(dir, format === 'json' ? 'reports/mutation/mutation.json' : 'reports/mutation/mutation.html');
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, bytes);
        const result = await loadReport(classifyReport(file), { workspaceFolders: [root], exists: () => false, findFilesNamed: async () => new Map(), maxBytes: 1024 * 1024 });
        expect(result.ok || KINDS.includes(result.error.kind)).toBe(true);
      }),
    );
  });

  it('built mutants are the report positions minus one, reversed ones dropped', () => {
    checkProperty(
      'built mutants are the report positions minus one, reversed ones dropped',
      fc.property(REPORT, (report) => {
        const raw = report as unknown as MutationTestResult;
        const built = buildLoadedReport(raw, { reportPath: '/ws/reports/mutation/mutation.json', tool: 'stryker-js', packageDir: '/ws', workspaceFolders: ['/ws'], exists: () => true, filesNamed: () => [] });
        const before = (a: { line: number; column: number }, b: { line: number; column: number }): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);
        let reversed = 0;
        const expected = Object.entries(report.files).map(([key, file]) => {
          const kept = file.mutants.filter((m) => before(m.location.start, m.location.end) || (reversed++, false));
          const rows = kept.map((m) => [m.location.start.line - 1, m.location.start.column - 1, m.location.end.line - 1, m.location.end.column - 1, m.id]);
          rows.sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number) || (a[3] as number) - (b[3] as number));
          return [path.join('/ws', key), rows.map((r) => r.slice(0, 4))];
        });
        const actual = [...built.files.values()].map((f) => [f.path, f.mutants.map((m) => [m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character])]);
        expect([actual, built.droppedMutants, built.ignoredKeys]).toEqual([expected, reversed, []]);
      }),
    );
  });
});

/** JSON with object keys sorted, recursively: equal for values sameJson calls equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same value with object keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse().map(([k, v]) => [k, reordered(v)]));
  return value;
}

describe('duplicate-mutant equality', () => {
  it('sameJson agrees with a canonical-JSON reference', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const pairs = fc.oneof(fc.tuple(json, json), json.map((v) => [v, reordered(v)] as const), json.map((v) => [v, JSON.parse(JSON.stringify(v)) as unknown] as const));
    checkProperty(
      'sameJson agrees with a canonical-JSON reference',
      fc.property(pairs, ([a, b]) => {
        expect(sameJson(a, b)).toBe(canonical(a) === canonical(b));
      }),
    );
  });

  it('compares values nested 100,000 deep without overflowing the stack', () => {
    const deep = (): unknown => JSON.parse('['.repeat(100_000) + '1' + ']'.repeat(100_000));
    const other = JSON.parse('['.repeat(100_000) + '2' + ']'.repeat(100_000)) as unknown;
    expect([sameJson(deep(), deep()), sameJson(deep(), other)]).toEqual([true, false]);
  });
});
