import { describe, expect, it } from 'vitest';
import { dirnameOf, isAbsolutePath, pathIsInside, joinPath, normalisePath, withSeparator } from '../../../src/core/coverage/paths';
import { createSfResolver, packageFolderOf, type SfContext } from '../../../src/core/coverage/resolveSf';

function resolver(files: string[], extra: Partial<SfContext> = {}) {
  const set = new Set(files);
  const asked: string[] = [];
  const resolve = createSfResolver({
    lcovPath: '/ws/packages/app/coverage/lcov.info',
    workspaceFolders: ['/ws', '/other/'],
    exists: (p) => (asked.push(p), set.has(p)),
    knownFiles: files,
    ...extra,
  });
  return { resolve, asked };
}

describe('createSfResolver', () => {
  it('takes an absolute path inside a workspace folder as it is, without asking the file system', () => {
    const { resolve, asked } = resolver([]);
    expect(resolve('/ws/src/a.ts')).toEqual({ ok: true, value: { path: '/ws/src/a.ts', via: 'workspace path' } });
    expect(resolve('/other')).toEqual({ ok: true, value: { path: '/other', via: 'workspace path' } });
    expect(resolve('/ws/../ws/b.ts')).toEqual({ ok: true, value: { path: '/ws/b.ts', via: 'workspace path' } });
    expect(asked).toEqual([]);
  });

  it('does not take an absolute path inside a folder by text when a link leads it out', () => {
    const { resolve } = resolver([], { contains: (p) => !p.startsWith('/ws/link/') });
    expect([resolve('/ws/src/a.ts'), resolve('/ws/link/a.ts')]).toEqual([
      { ok: true, value: { path: '/ws/src/a.ts', via: 'workspace path' } },
      { ok: false, error: { kind: 'unresolved', sf: '/ws/link/a.ts', candidates: [], message: 'Coverage path "/ws/link/a.ts" matches no file in the workspace' } },
    ]);
  });

  it('maps paths from another machine through the first mapping whose result exists', () => {
    const { resolve } = resolver(['/ws/src/a.ts'], {
      pathMappings: [{ from: '/ci/build/', to: '/nowhere' }, { from: '/ci/build', to: '/ws' }],
    });
    expect(resolve('/ci/build/src/a.ts')).toEqual({ ok: true, value: { path: '/ws/src/a.ts', via: 'mapping' } });
    expect(resolve('/ci/builder/src/a.ts')).toEqual({ ok: true, value: { path: '/ws/src/a.ts', via: 'suffix' } });
  });

  it('takes an existing absolute path outside the workspace', () => {
    expect(resolver(['/lib/x.ts']).resolve('/lib/x.ts')).toEqual({ ok: true, value: { path: '/lib/x.ts', via: 'absolute' } });
  });

  it('resolves relative paths against the package folder, then the workspace folders', () => {
    const { resolve, asked } = resolver(['/ws/packages/app/src/a.ts', '/other/src/b.ts', '/ws/packages/lib/c.ts']);
    expect(resolve('src/a.ts')).toEqual({ ok: true, value: { path: '/ws/packages/app/src/a.ts', via: 'package folder' } });
    expect(resolve('./src/b.ts')).toEqual({ ok: true, value: { path: '/other/src/b.ts', via: 'workspace folder' } });
    expect(resolve('..\\lib\\c.ts')).toEqual({ ok: true, value: { path: '/ws/packages/lib/c.ts', via: 'package folder' } });
    expect(asked).toEqual(['/ws/packages/app/src/a.ts', '/ws/packages/app/src/b.ts', '/ws/src/b.ts', '/other/src/b.ts', '/ws/packages/lib/c.ts']);
  });

  it('falls back to a unique suffix match; a relative path must match whole', () => {
    const { resolve } = resolver(['/ws/deep/pkg/src/util.ts', '/ws/deep/pkg/lib/other.ts']);
    expect(resolve('pkg/src/util.ts')).toEqual({ ok: true, value: { path: '/ws/deep/pkg/src/util.ts', via: 'suffix' } });
    expect(resolve('lib/util.ts')).toEqual({
      ok: false,
      error: { kind: 'unresolved', sf: 'lib/util.ts', candidates: [], message: 'Coverage path "lib/util.ts" matches no file in the workspace' },
    });
  });

  it('matches an absolute foreign path by its longest trailing run, and reports ties as ambiguous', () => {
    const files = ['/ws/a/src/index.ts', '/ws/b/src/index.ts', '/ws/b/lib/index.ts'];
    const { resolve } = resolver(files);
    expect(resolve('/ci/b/lib/index.ts')).toEqual({ ok: true, value: { path: '/ws/b/lib/index.ts', via: 'suffix' } });
    expect(resolve('/ci/x/src/index.ts')).toEqual({
      ok: false,
      error: {
        kind: 'ambiguous', sf: '/ci/x/src/index.ts', candidates: ['/ws/a/src/index.ts', '/ws/b/src/index.ts'],
        message: 'Coverage path "/ci/x/src/index.ts" matches several files: /ws/a/src/index.ts, /ws/b/src/index.ts',
      },
    });
    expect(resolve('/ci/none.ts')).toEqual({
      ok: false,
      error: { kind: 'unresolved', sf: '/ci/none.ts', candidates: [], message: 'Coverage path "/ci/none.ts" matches no file in the workspace' },
    });
  });

  it('handles Windows paths: backslashes, drive letters without case, backslash output', () => {
    const files = ['C:\\work\\app\\src\\a.ts'];
    const { resolve, asked } = resolver(files, {
      lcovPath: 'C:\\work\\app\\coverage\\lcov.info',
      workspaceFolders: ['C:\\work\\app'],
      pathMappings: [{ from: 'D:\\a\\app', to: 'C:\\work\\app' }],
      separator: '\\',
    });
    expect(resolve('c:\\Work\\App\\src\\a.ts')).toEqual({ ok: true, value: { path: 'c:\\Work\\App\\src\\a.ts', via: 'workspace path' } });
    expect(resolve('D:\\a\\app\\src\\a.ts')).toEqual({ ok: true, value: { path: 'C:\\work\\app\\src\\a.ts', via: 'mapping' } });
    expect(resolve('src\\a.ts')).toEqual({ ok: true, value: { path: 'C:\\work\\app\\src\\a.ts', via: 'package folder' } });
    expect(asked).toEqual(['C:\\work\\app\\src\\a.ts', 'C:\\work\\app\\src\\a.ts']);
  });

  it('works without known files', () => {
    const resolve = createSfResolver({ lcovPath: '/p/lcov.info', workspaceFolders: [], exists: () => false });
    expect(resolve('a.ts')).toEqual({
      ok: false,
      error: { kind: 'unresolved', sf: 'a.ts', candidates: [], message: 'Coverage path "a.ts" matches no file in the workspace' },
    });
  });
});

describe('packageFolderOf', () => {
  it('is the folder holding the nearest coverage folder, else the lcov file folder', () => {
    expect(packageFolderOf('/ws/app/coverage/lcov.info')).toBe('/ws/app');
    expect(packageFolderOf('/ws/app/coverage/unit/lcov.info')).toBe('/ws/app');
    expect(packageFolderOf('/coverage/lcov.info')).toBe('/');
    expect(packageFolderOf('/ws/app/reports/lcov.info')).toBe('/ws/app/reports');
    expect(packageFolderOf('C:\\ws\\coverage\\lcov.info')).toBe('C:/ws');
  });
});

describe('paths', () => {
  it('normalises separators, dots and repeated slashes', () => {
    expect(['a\\b//c/./d/../e', '/x/../../y', '//server/share/../f', 'C:\\x\\..\\..\\y', '../../a/./b', 'a/..', '', '/'].map(normalisePath))
      .toEqual(['a/b/c/e', '/y', '//server/f', 'C:/y', '../../a/b', '', '', '/']);
  });

  it('tells absolute paths', () => {
    expect(['/a', '\\a', 'C:\\a', 'c:/a', 'C:a', 'a/b', './a'].map(isAbsolutePath)).toEqual([true, true, true, true, false, false, false]);
  });

  it('tells inside on segment boundaries, Windows paths without case', () => {
    expect([pathIsInside('/ws/a', '/ws'), pathIsInside('/ws', '/ws/'), pathIsInside('/wsx/a', '/ws'), pathIsInside('/WS/a', '/ws'), pathIsInside('C:/WS/a', 'c:/ws'), pathIsInside('//S/x', '//s')])
      .toEqual([true, true, false, false, true, true]);
  });

  it('joins, takes folders and writes separators', () => {
    expect([joinPath('/a/b', '../c'), dirnameOf('/a/b'), dirnameOf('/a'), dirnameOf('a'), withSeparator('C:/a/b', '\\'), withSeparator('/a', '/')])
      .toEqual(['/a/c', '/a', '/', '', 'C:\\a\\b', '/a']);
  });
});
