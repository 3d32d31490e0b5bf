import { describe, expect, it } from 'vitest';
import { CoverageStore, type SfResolverFor } from '../../../src/core/coverage/coverageStore';
import type { LcovFile, LcovReport } from '../../../src/core/coverage/lcovTypes';
import { err, ok } from '../../../src/core/shared/types';

function file(path: string, hits: number[]): LcovFile {
  return {
    path,
    lines: Uint32Array.from(hits.map((_, i) => i)),
    hits: Float64Array.from(hits),
    branchLines: new Uint32Array(),
    branchesTaken: new Uint32Array(),
    branchesTotal: new Uint32Array(),
    functions: [],
  };
}

function report(...files: LcovFile[]): LcovReport {
  return { files, ignoredLines: 0, version: undefined };
}

/** SF `x.ts` of /ws/app/coverage/lcov.info is /ws/app/x.ts; an SF named `lost*` does not resolve. */
const resolverFor: SfResolverFor = (lcovPath) => (sf) =>
  sf.startsWith('lost') ? err({ kind: 'unresolved', sf, candidates: [], message: `SF ${sf} of ${lcovPath} matches no file` }) : ok({ path: `${lcovPath.replace(/coverage\/lcov\.info$/, '')}${sf}`, via: 'package folder' });

const APP = '/ws/app/coverage/lcov.info';
const LIB = '/ws/lib/coverage/lcov.info';

describe('CoverageStore', () => {
  it('indexes the files of every loaded lcov file by absolute path, with the newest lcov time', () => {
    const store = new CoverageStore();
    store.setLoaded(APP, report(file('a.ts', [1, 0]), file('lost.ts', [1])), 100);
    store.setLoaded(LIB, report(file('b.ts', [0])), 200);
    store.reindex(resolverFor);
    expect([...store.byPath().keys()]).toEqual(['/ws/app/a.ts', '/ws/lib/b.ts']);
    expect(store.byPath().get('/ws/app/a.ts')?.hits).toEqual(Float64Array.from([1, 0]));
    expect(store.filesOf(APP)).toEqual(['/ws/app/a.ts']);
    expect(store.filesOf(LIB)).toEqual(['/ws/lib/b.ts']);
    expect(store.filesOf('/ws/other/lcov.info')).toEqual([]);
    expect(store.lcovTimeOf('/ws/app/a.ts')).toBe(100);
    expect(store.lcovTimeOf('/ws/lib/b.ts')).toBe(200);
    expect(store.lcovTimeOf('/ws/app/lost.ts')).toBeUndefined();
    expect(store.unresolved()).toEqual([{ kind: 'unresolved', sf: 'lost.ts', candidates: [], message: `SF lost.ts of ${APP} matches no file` }]);
  });

  it('merges a file two lcov files cover, and keeps the newer time', () => {
    const store = new CoverageStore();
    store.setLoaded(APP, report(file('a.ts', [1, 0])), 300);
    store.setLoaded('/ws/app/coverage2/../coverage/lcov.info', report(file('a.ts', [2, 0])), 100);
    store.reindex(() => (sf) => ok({ path: `/ws/app/${sf}`, via: 'package folder' }));
    expect(store.byPath().get('/ws/app/a.ts')?.hits).toEqual(Float64Array.from([3, 0]));
    expect(store.lcovTimeOf('/ws/app/a.ts')).toBe(300);
  });

  it('keeps the last good report and its time when a read fails, and says whether it did', () => {
    const store = new CoverageStore();
    expect(store.setInvalid(APP, 'is empty')).toBe(false);
    expect(store.states()).toEqual([{ path: APP, state: 'invalid', reason: 'is empty', report: undefined, mtimeMs: 0 }]);
    const good = report(file('a.ts', [1]));
    store.setLoaded(APP, good, 100);
    expect(store.states()).toEqual([{ path: APP, state: 'ok', reason: undefined, report: good, mtimeMs: 100 }]);
    expect(store.setInvalid(APP, 'is incomplete (no final end_of_record)')).toBe(true);
    expect(store.states()).toEqual([{ path: APP, state: 'invalid', reason: 'is incomplete (no final end_of_record)', report: good, mtimeMs: 100 }]);
    store.setInvalid(LIB, 'is empty');
    store.reindex(resolverFor);
    expect([...store.byPath().keys()]).toEqual(['/ws/app/a.ts']);
    expect(store.lcovTimeOf('/ws/app/a.ts')).toBe(100);
    expect(store.filesOf(LIB)).toEqual([]);
  });

  it('forgets removed files and the files not found again; the index changes only on reindex', () => {
    const store = new CoverageStore();
    store.setLoaded(APP, report(file('a.ts', [1])), 100);
    store.setLoaded(LIB, report(file('b.ts', [1])), 100);
    store.reindex(resolverFor);
    expect(store.has(APP)).toBe(true);
    expect(store.remove(APP)).toBe(true);
    expect(store.remove(APP)).toBe(false);
    expect(store.has(APP)).toBe(false);
    expect([...store.byPath().keys()]).toEqual(['/ws/app/a.ts', '/ws/lib/b.ts']);
    store.reindex(resolverFor);
    expect([...store.byPath().keys()]).toEqual(['/ws/lib/b.ts']);
    store.setLoaded(APP, report(file('a.ts', [1])), 100);
    store.keepOnly(new Set([APP]));
    expect(store.states().map((state) => state.path)).toEqual([APP]);
    store.reindex(resolverFor);
    expect(store.filesOf(LIB)).toEqual([]);
    expect([...store.byPath().keys()]).toEqual(['/ws/app/a.ts']);
  });

  it('starts empty', () => {
    const store = new CoverageStore();
    expect(store.states()).toEqual([]);
    expect(store.byPath().size).toBe(0);
    expect(store.unresolved()).toEqual([]);
  });
});
