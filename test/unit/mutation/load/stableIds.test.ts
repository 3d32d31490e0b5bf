import { describe, expect, it } from 'vitest';
import { rememberIds, withStableIds } from '../../../../src/core/mutation/load/stableIds';
import type { LoadedReport, ReportMutant, ReportSourceFile, ReportTest } from '../../../../src/core/mutation/report/model';

function mutant(id: string, line: number, tests: string[] = [], replacement = 'x'): ReportMutant {
  return { id, mutatorName: 'M', replacement, description: undefined, status: 'Killed', statusReason: undefined, range: { start: { line, character: 0 }, end: { line, character: 1 } }, coveredBy: tests, killedBy: tests.slice(0, 1), isStatic: undefined };
}

function report(files: Record<string, ReportMutant[]>, tests: Array<[string, string, string | undefined]>): LoadedReport {
  return {
    path: '/r.json',
    tool: 'stryker-js',
    thresholds: { high: 80, low: 60, break: undefined },
    files: new Map(Object.entries(files).map(([path, mutants]): [string, ReportSourceFile] => [path, { path, key: path, language: 'ts', source: '', mutants }])),
    tests: new Map(tests.map(([id, name, file]): [string, ReportTest] => [id, { id, name, file }])),
    ignoredKeys: [],
    droppedMutants: 0,
    packageDir: '/',
  };
}

describe('withStableIds', () => {
  it('gives renumbered mutants and tests the ids they had, in coveredBy and killedBy too', () => {
    const before = report({ '/a.ts': [mutant('1', 0, ['10', '11'])], '/b.ts': [mutant('2', 0, ['11'])] }, [['10', 'one', 'a.test.ts'], ['11', 'two', 'a.test.ts']]);
    // A test was removed before "one"'s neighbour and everything was numbered afresh.
    const after = report({ '/a.ts': [mutant('7', 0, ['20', '21'])], '/b.ts': [mutant('8', 0, ['21'])] }, [['20', 'one', 'a.test.ts'], ['21', 'two', 'a.test.ts']]);
    const stable = withStableIds(after, rememberIds(before));
    expect(stable.files).toEqual(before.files);
    expect(stable.tests).toEqual(before.tests);
    expect([...stable.tests.keys()]).toEqual(['10', '11']);
  });

  it('keeps a new mutant or test its own id unless a remembered one holds it, then gives it a fresh one', () => {
    const before = report({ '/a.ts': [mutant('1', 0, ['1']), mutant('2', 1)] }, [['1', 'one', undefined]]);
    const after = report({ '/a.ts': [mutant('2', 0, ['1', '2']), mutant('1', 5), mutant('9', 6)] }, [['2', 'one', undefined], ['1', 'new', undefined]]);
    const stable = withStableIds(after, rememberIds(before));
    expect(stable.files.get('/a.ts')?.mutants.map((m) => [m.id, m.coveredBy, m.killedBy])).toEqual([
      ['1', ['1~1', '1'], ['1~1']],
      ['1~1', [], []],
      ['9', [], []],
    ]);
    expect([...stable.tests.values()]).toEqual([
      { id: '1', name: 'one', file: undefined },
      { id: '1~1', name: 'new', file: undefined },
    ]);
  });

  it('tells equal mutants and tests apart by their order, and returns the report itself when no id changes', () => {
    const before = report({ '/a.ts': [mutant('1', 0), mutant('2', 0)] }, [['1', 'same', 'f'], ['2', 'same', 'f']]);
    expect(withStableIds(before, rememberIds(before))).toBe(before);
    const after = report({ '/a.ts': [mutant('5', 0), mutant('6', 0)] }, [['5', 'same', 'f'], ['6', 'same', 'f']]);
    const stable = withStableIds(after, rememberIds(before));
    expect(stable.files.get('/a.ts')?.mutants.map((m) => m.id)).toEqual(['1', '2']);
    expect([...stable.tests.keys()]).toEqual(['1', '2']);
  });

  it('matches a mutant by file, mutator, range and replacement', () => {
    const before = report({ '/a.ts': [mutant('1', 0, [], 'x')], '/b.ts': [mutant('2', 0, [], 'x')] }, []);
    const after = report({ '/a.ts': [mutant('3', 0, [], 'y')], '/b.ts': [mutant('4', 0, [], 'x')] }, []);
    const stable = withStableIds(after, rememberIds(before));
    expect([...stable.files.values()].map((f) => f.mutants.map((m) => m.id))).toEqual([['3'], ['2']]);
  });
});
