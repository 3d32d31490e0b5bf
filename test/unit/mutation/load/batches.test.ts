import { describe, expect, it } from 'vitest';
import { priorityFirst, takeBatch } from '../../../../src/core/mutation/load/batches';
import { changedFiles } from '../../../../src/core/mutation/load/reportLoader';
import type { LoadedReport, ReportMutant, ReportSourceFile } from '../../../../src/core/mutation/report/model';

function file(path: string, mutants = 1, source = 'x'): ReportSourceFile {
  return { path, key: path, language: 'ts', source, mutants: Array.from({ length: mutants }, () => ({}) as ReportMutant) };
}

describe('priorityFirst', () => {
  it('puts the priority files first in the priority order, the rest in their own order', () => {
    const files = ['/a', '/b', '/c', '/d'].map((path) => file(path));
    expect(priorityFirst(files, ['/d', '/nowhere', '/b']).map((f) => f.path)).toEqual(['/d', '/b', '/a', '/c']);
    expect(priorityFirst(files, []).map((f) => f.path)).toEqual(['/a', '/b', '/c', '/d']);
  });
});

describe('takeBatch', () => {
  it('takes files until one more would pass the mutant bound, at least one', () => {
    const queue = [file('/a', 2), file('/b', 2), file('/c', 1), file('/d', 5)];
    expect(takeBatch(queue, { mutants: 4, sourceCharacters: 100 }).map((f) => f.path)).toEqual(['/a', '/b']);
    expect(takeBatch(queue, { mutants: 4, sourceCharacters: 100 }).map((f) => f.path)).toEqual(['/c']);
    expect(takeBatch(queue, { mutants: 4, sourceCharacters: 100 }).map((f) => f.path)).toEqual(['/d']);
    expect(queue).toEqual([]);
    expect(takeBatch(queue, { mutants: 4, sourceCharacters: 100 })).toEqual([]);
  });

  it('takes files until one more would pass the source bound', () => {
    const queue = [file('/a', 0, 'abc'), file('/b', 0, 'de'), file('/c', 0, 'f')];
    expect(takeBatch(queue, { mutants: 100, sourceCharacters: 5 }).map((f) => f.path)).toEqual(['/a', '/b']);
    expect(takeBatch(queue, { mutants: 100, sourceCharacters: 5 }).map((f) => f.path)).toEqual(['/c']);
  });
});

describe('changedFiles', () => {
  const report = (files: ReportSourceFile[]): LoadedReport => ({
    path: '/r.json',
    tool: 'stryker-js',
    thresholds: { high: 80, low: 60, break: undefined },
    files: new Map(files.map((f) => [f.path, f])),
    tests: new Map(),
    ignoredKeys: [],
    droppedMutants: 0,
    packageDir: '/',
  });

  it('is every file of both reports when either did not come from a ReportLoader', () => {
    const a = file('/a');
    expect([...changedFiles(report([a, file('/b')]), report([a, file('/c')]))].sort()).toEqual(['/a', '/b', '/c']);
    expect([...changedFiles(undefined, report([a]))]).toEqual(['/a']);
    expect([...changedFiles(report([a]), undefined)]).toEqual(['/a']);
  });
});
