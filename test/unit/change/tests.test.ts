import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { testPosition, testsOfMutant, testFilePath } from '../../../src/core/change/tests';
import { loadReportAt, WORKTREE_REPORT } from './fixtures';

const ROOT = new URL('../../fixtures/sample-project', import.meta.url).pathname;
const CART_TEST = readFileSync(new URL('../../fixtures/sample-project/test/cart.test.ts', import.meta.url), 'utf8');

describe('testsOfMutant', () => {
  const report = loadReportAt(WORKTREE_REPORT, ROOT);
  const cart = report.files.get(path.join(ROOT, 'src/cart.ts'));
  const onLine24 = cart?.mutants.filter((m) => m.range.start.line === 24) ?? [];

  it('lists the killing tests first, then the covering ones, each once (a killed mutant of the real report)', () => {
    const killed = onLine24.find((m) => m.status === 'Killed' && m.replacement === 'true');
    expect(killed === undefined ? [] : testsOfMutant(killed, report)).toEqual([
      { id: '3', name: 'bulkPercent gives nothing for a single unit', kills: true, file: path.join(ROOT, 'test/cart.test.ts'), location: undefined },
      { id: '6', name: 'total adds up a cart without discount', kills: false, file: path.join(ROOT, 'test/cart.test.ts'), location: undefined },
    ]);
  });

  it('lists the covering tests of a survivor', () => {
    const survivor = onLine24.find((m) => m.status === 'Survived' && m.replacement === 'quantity > 20');
    expect(survivor === undefined ? [] : testsOfMutant(survivor, report).map((t) => `${t.id} ${String(t.kills)}`)).toEqual(['3 false', '6 false']);
  });

  it('skips ids the report does not define and keeps a location the report gives', () => {
    const tests = new Map([['1', { id: '1', name: 'a', file: 'test/a.test.ts', location: { line: 4, character: 2 } }]]);
    expect(testsOfMutant({ killedBy: ['9', '1'], coveredBy: ['1'] }, { tests, packageDir: ROOT })).toEqual([{ id: '1', name: 'a', kills: true, file: path.join(ROOT, 'test/a.test.ts'), location: { line: 4, character: 2 } }]);
    expect(testsOfMutant({ killedBy: undefined, coveredBy: undefined }, { tests, packageDir: ROOT })).toEqual([]);
  });

  it('has no file for a test the report gives no file', () => {
    const tests = new Map([['1', { id: '1', name: 'a', file: undefined, location: undefined }]]);
    expect(testsOfMutant({ killedBy: undefined, coveredBy: ['1'] }, { tests, packageDir: ROOT })).toEqual([{ id: '1', name: 'a', kills: false, file: undefined, location: undefined }]);
  });

  it('resolves test file keys against the package, absolute keys as they are', () => {
    expect(testFilePath('/p', 'test\\a.test.ts')).toBe(path.join('/p', 'test/a.test.ts'));
    expect(testFilePath('/p', '/elsewhere/b.test.ts')).toBe('/elsewhere/b.test.ts');
  });
});

describe('testPosition', () => {
  it('uses the report location when there is one', () => {
    expect(testPosition({ name: 'x', location: { line: 7, character: 3 } }, CART_TEST)).toEqual({ line: 7, character: 3 });
  });

  it('finds the first line containing the name, dropping the suite words the runner joined in front', () => {
    expect(testPosition({ name: 'bulkPercent gives nothing for a single unit', location: undefined }, CART_TEST)).toEqual({ line: 21, character: 6 });
    expect(testPosition({ name: 'total adds up a cart without discount', location: undefined }, CART_TEST).line).toBe(CART_TEST.split('\n').findIndex((l) => l.includes("it('adds up a cart without discount'")));
    expect(testPosition({ name: 'gives 15% from 100 units', location: undefined }, CART_TEST)).toEqual({ line: 18, character: 6 });
  });

  it('finds a one-word name, a name on the first line, and a name with its own spacing', () => {
    expect(testPosition({ name: 'alpha', location: undefined }, 'x\nalpha')).toEqual({ line: 1, character: 0 });
    expect(testPosition({ name: 'alpha beta', location: undefined }, 'x alpha beta')).toEqual({ line: 0, character: 2 });
    expect(testPosition({ name: 'a  b', location: undefined }, 'a b\nx a  b')).toEqual({ line: 1, character: 2 });
  });

  it('drops leading words down to the last two, splitting at runs of white space', () => {
    expect(testPosition({ name: 'suite b c', location: undefined }, 'x\nb c')).toEqual({ line: 1, character: 0 });
    expect(testPosition({ name: 'suite  a b', location: undefined }, 'x\nx a b')).toEqual({ line: 1, character: 2 });
    expect(testPosition({ name: ' a b', location: undefined }, 'x\na b')).toEqual({ line: 0, character: 0 });
    expect(testPosition({ name: 'zzz yyy unit', location: undefined }, 'x\nunit')).toEqual({ line: 0, character: 0 });
  });

  it('falls back to the first line', () => {
    expect(testPosition({ name: 'no such test anywhere', location: undefined }, CART_TEST)).toEqual({ line: 0, character: 0 });
    expect(testPosition({ name: 'x', location: undefined }, undefined)).toEqual({ line: 0, character: 0 });
    expect(testPosition({ name: '  ', location: undefined }, 'a\n  b')).toEqual({ line: 0, character: 0 });
    // Never shorter than two words: "unit" alone would match anything.
    expect(testPosition({ name: 'zzz yyy unit', location: undefined }, 'unit\n')).toEqual({ line: 0, character: 0 });
  });
});

describe('test locations from the report', () => {
  it('turns a test location into a 0-based start, and drops an impossible one', async () => {
    const { buildLoadedReport } = await import('../../../src/core/mutation/report/build');
    const raw = {
      schemaVersion: '1.0',
      thresholds: { high: 80, low: 60 },
      files: {},
      testFiles: {
        'test/a.test.ts': {
          tests: [
            { id: '1', name: 'a', location: { start: { line: 5, column: 3 } } },
            { id: '2', name: 'b', location: { start: { line: 0, column: 1 } } },
            { id: '3', name: 'c' },
            { id: '4', name: 'd', location: { start: { line: 1, column: 1.5 } } },
          ],
        },
      },
    };
    const report = buildLoadedReport(raw, { reportPath: '/r.json', tool: 'stryker-js', packageDir: ROOT, workspaceFolders: [ROOT], exists: () => false, filesNamed: () => [] });
    expect([...report.tests.values()].map((t) => [t.id, t.location])).toEqual([
      ['1', { line: 4, character: 2 }],
      ['2', undefined],
      ['3', undefined],
      ['4', undefined],
    ]);
  });
});
