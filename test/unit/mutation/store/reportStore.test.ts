import { describe, expect, it } from 'vitest';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import type { LoadedReport, ReportSourceFile } from '../../../../src/core/mutation/report/model';
import { ReportStore } from '../../../../src/core/mutation/store/reportStore';

function report(path: string, files: string[]): LoadedReport {
  const map = new Map<string, ReportSourceFile>(files.map((file) => [file, { path: file, key: file, language: 'ts', source: '', mutants: [] }]));
  return { path, tool: 'stryker-js', thresholds: { high: 80, low: 60, break: undefined }, files: map, tests: new Map(), ignoredKeys: [], droppedMutants: 0, packageDir: '/ws' };
}

const A = classifyReport('/ws/a/reports/mutation/mutation.json');
const B = classifyReport('/ws/b/reports/mutation/mutation.json');

const REMOTE_URL = 'https://d.io/api/reports/github.com/a/b/main';
const REMOTE = { ...classifyReport('/ws/remote.json'), path: REMOTE_URL, packageDir: '/ws', origin: { kind: 'dashboard' as const, url: REMOTE_URL, fetchedAt: 1, from: 'network' as const } };

describe('ReportStore', () => {
  it('shows a file from a local report when there is one, else from the remote (Dashboard) report', () => {
    const store = new ReportStore();
    const remote = report(REMOTE_URL, ['/ws/shared.ts', '/ws/remote-only.ts']);
    store.setLoaded(REMOTE, remote);
    expect(store.filesFor('/ws/shared.ts')).toEqual([{ file: remote.files.get('/ws/shared.ts'), report: remote }]);
    const a = report(A.path, ['/ws/shared.ts']);
    store.setLoaded(A, a);
    expect(store.filesFor('/ws/shared.ts')).toEqual([{ file: a.files.get('/ws/shared.ts'), report: a }]);
    expect(store.filesFor('/ws/remote-only.ts')).toEqual([{ file: remote.files.get('/ws/remote-only.ts'), report: remote }]);
    store.remove(A.path);
    expect(store.filesFor('/ws/shared.ts')).toEqual([{ file: remote.files.get('/ws/shared.ts'), report: remote }]);
  });

  it('tracks loading, loaded and invalid states, keeping the last good report', () => {
    const store = new ReportStore();
    store.setLoading(A);
    expect(store.get(A.path)).toEqual({ candidate: A, status: 'loading', reason: undefined, report: undefined });
    const good = report(A.path, ['/ws/a/x.ts']);
    store.setLoaded(A, good);
    expect(store.get(A.path)).toEqual({ candidate: A, status: 'ok', reason: undefined, report: good });
    store.setInvalid(A, 'is broken');
    expect(store.get(A.path)).toEqual({ candidate: A, status: 'invalid', reason: 'is broken', report: good });
    store.setLoading(A);
    expect(store.get(A.path)).toEqual({ candidate: A, status: 'loading', reason: undefined, report: good });
    expect(store.filesFor('/ws/a/x.ts').map((f) => f.report)).toEqual([good]);
  });

  it('indexes files across reports and forgets removed reports', () => {
    const store = new ReportStore();
    const a = report(A.path, ['/ws/shared.ts', '/ws/a.ts']);
    const b = report(B.path, ['/ws/shared.ts']);
    store.setLoaded(A, a);
    store.setLoaded(B, b);
    expect(store.filesFor('/ws/shared.ts').map((f) => f.report.path)).toEqual([A.path, B.path]);
    expect(store.coveredFiles().sort()).toEqual(['/ws/a.ts', '/ws/shared.ts']);
    expect(store.all().map((e) => e.candidate.path)).toEqual([A.path, B.path]);
    expect(store.remove(A.path)).toBe(true);
    expect(store.remove(A.path)).toBe(false);
    expect(store.filesFor('/ws/a.ts')).toEqual([]);
    expect(store.filesFor('/ws/shared.ts').map((f) => f.report.path)).toEqual([B.path]);
    expect(store.get(A.path)).toBeUndefined();
  });

  it('replaces a report in the index when it reloads', () => {
    const store = new ReportStore();
    store.setLoaded(A, report(A.path, ['/ws/old.ts']));
    store.setLoaded(A, report(A.path, ['/ws/new.ts']));
    expect(store.coveredFiles()).toEqual(['/ws/new.ts']);
  });

  it("reindexes only the reloaded report's files, keeping the reports' order for a shared file", () => {
    const store = new ReportStore();
    const b = report(B.path, ['/ws/b-only.ts', '/ws/shared.ts']);
    store.setLoaded(A, report(A.path, ['/ws/shared.ts']));
    store.setLoaded(B, b);
    const bOnly = store.filesFor('/ws/b-only.ts');
    const a2 = report(A.path, ['/ws/shared.ts', '/ws/a.ts']);
    store.setLoaded(A, a2);
    expect(store.filesFor('/ws/b-only.ts')).toBe(bOnly);
    expect(store.filesFor('/ws/shared.ts')).toEqual([
      { file: a2.files.get('/ws/shared.ts'), report: a2 },
      { file: b.files.get('/ws/shared.ts'), report: b },
    ]);
    expect(store.coveredFiles()).toEqual(['/ws/shared.ts', '/ws/b-only.ts', '/ws/a.ts']);
    store.remove(B.path);
    expect(store.coveredFiles()).toEqual(['/ws/shared.ts', '/ws/a.ts']);
  });

  it("shows a first load's files so far while it stays loading", () => {
    const store = new ReportStore();
    const partial = report(A.path, ['/ws/first.ts']);
    store.setPartial(A, partial);
    expect(store.get(A.path)).toEqual({ candidate: A, status: 'loading', reason: undefined, report: partial, partial: true });
    expect(store.filesFor('/ws/first.ts')).toEqual([{ file: partial.files.get('/ws/first.ts'), report: partial }]);
    const whole = report(A.path, ['/ws/first.ts', '/ws/second.ts']);
    store.setLoaded(A, whole);
    expect(store.coveredFiles()).toEqual(['/ws/first.ts', '/ws/second.ts']);
    expect(store.get(A.path)).toEqual({ candidate: A, status: 'ok', reason: undefined, report: whole });
  });
});
