import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideWorkspace, isAbsoluteKey, isInside, normaliseKey, resolveBySuffix, resolveReportKey, resolvedBelow, segmentsBelow, type KeyContext } from '../../../../src/core/mutation/report/resolveKeys';

const files = new Set(['/ws/app/src/cart.ts', '/ws/app/src/util/a.ts', '/ws/lib/src/util/a.ts', '/ws/pkg/Cart.java', '/elsewhere/secret.ts']);

function context(overrides: Partial<KeyContext> = {}): KeyContext {
  return {
    packageDir: '/ws/app',
    projectRoot: undefined,
    workspaceFolders: ['/ws'],
    exists: (file) => files.has(file),
    filesNamed: (name) => [...files].filter((file) => file.endsWith(`/${name}`)),
    ...overrides,
  };
}

describe('resolveReportKey', () => {
  it('takes an absolute key inside the workspace', () => {
    expect(resolveReportKey('/ws/app/src/cart.ts', context())).toEqual({ path: '/ws/app/src/cart.ts' });
  });

  it('resolves a relative key against projectRoot first', () => {
    expect(resolveReportKey('src/util/a.ts', context({ projectRoot: '/ws/lib' }))).toEqual({ path: '/ws/lib/src/util/a.ts' });
  });

  it('falls back to the package folder when projectRoot is from another machine', () => {
    expect(resolveReportKey('src/cart.ts', context({ projectRoot: '/home/ci/app' }))).toEqual({ path: '/ws/app/src/cart.ts' });
  });

  it('ignores a relative package folder', () => {
    expect(resolveReportKey('missing.ts', context({ packageDir: 'app' }))).toEqual({ ignored: 'was not found in the workspace' });
  });

  it('ignores a relative projectRoot', () => {
    expect(resolveReportKey('src/cart.ts', context({ projectRoot: 'app' }))).toEqual({ path: '/ws/app/src/cart.ts' });
  });

  it('accepts Windows separators', () => {
    expect(resolveReportKey('src\\util\\a.ts', context())).toEqual({ path: '/ws/app/src/util/a.ts' });
  });

  it('matches a unique suffix when nothing else resolves', () => {
    expect(resolveReportKey('/home/runner/work/app/pkg/Cart.java', context())).toEqual({ path: '/ws/pkg/Cart.java' });
    expect(resolveReportKey('C:\\build\\app\\src\\cart.ts', context())).toEqual({ path: '/ws/app/src/cart.ts' });
  });

  it("finds pitest's default/ package by the rest of the key", () => {
    expect(resolveReportKey('default/cart.ts', context())).toEqual({ path: '/ws/app/src/cart.ts' });
    expect(resolveReportKey('default/nothing.ts', context())).toEqual({ ignored: 'was not found in the workspace' });
  });

  it('refuses an ambiguous suffix', () => {
    expect(resolveReportKey('util/a.ts', context())).toEqual({ ignored: 'matches 2 files in the workspace' });
    expect(resolveReportKey('/other/util/a.ts', context())).toEqual({ ignored: 'resolves outside the workspace (/other/util/a.ts)' });
  });

  it('never uses a file outside the workspace', () => {
    expect(resolveReportKey('/elsewhere/secret.ts', context())).toEqual({ ignored: 'resolves outside the workspace (/elsewhere/secret.ts)' });
    expect(resolveReportKey('../../elsewhere/secret.ts', context())).toEqual({ ignored: 'resolves outside the workspace (/elsewhere/secret.ts)' });
  });

  it('says when a key names nothing', () => {
    expect(resolveReportKey('src/missing.ts', context())).toEqual({ ignored: 'was not found in the workspace' });
    expect(resolveReportKey('', context())).toEqual({ ignored: 'does not name a file in the workspace' });
  });
});

describe('resolveBySuffix', () => {
  it('compares as many trailing segments as the workspace path has', () => {
    expect(resolveBySuffix('deep/er/app/src/cart.ts', context())).toEqual({ path: '/ws/app/src/cart.ts' });
    expect(resolveBySuffix('lib/src/util/a.ts', context())).toEqual({ path: '/ws/lib/src/util/a.ts' });
    expect(resolveBySuffix('other/src/cart.ts', context())).toEqual({ ignored: 'was not found in the workspace' });
    expect(resolveBySuffix('./src/./cart.ts', context())).toEqual({ path: '/ws/app/src/cart.ts' });
  });

  it('never matches keys with ..', () => {
    expect(resolveBySuffix('../src/cart.ts', context())).toEqual({ ignored: 'does not name a file in the workspace' });
  });

  it('ignores candidates outside the workspace folders', () => {
    expect(resolveBySuffix('secret.ts', context())).toEqual({ ignored: 'was not found in the workspace' });
  });
});

describe('path helpers', () => {
  it('normalises backslashes', () => {
    expect(normaliseKey('a\\b\\c.ts')).toBe('a/b/c.ts');
    expect(normaliseKey('a/b\\c.ts')).toBe('a/b/c.ts');
    expect(normaliseKey('a/b/c.ts')).toBe('a/b/c.ts');
  });

  it('knows absolute keys of both platforms', () => {
    expect(isAbsoluteKey('/a')).toBe(true);
    expect(isAbsoluteKey('C:\\a')).toBe(true);
    expect(isAbsoluteKey('c:/a')).toBe(true);
    expect(isAbsoluteKey('a/b')).toBe(false);
    expect(isAbsoluteKey('C:a')).toBe(false);
  });

  it('tells inside from outside', () => {
    expect(isInside('/ws', '/ws')).toBe(true);
    expect(isInside('/ws', '/ws/a')).toBe(true);
    expect(isInside('/ws', '/wsx/a')).toBe(false);
    expect(isInside('/ws', '/a')).toBe(false);
    expect(isInside('/ws', '/ws/..foo')).toBe(true);
    expect(insideWorkspace('/b/x', ['/a', '/b'])).toBe(true);
    expect(insideWorkspace('/c/x', ['/a', '/b'])).toBe(false);
  });
});

describe('resolvedBelow', () => {
  // [folder, key]: the first two through the text, the rest (something to normalise, or a relative folder) through path.resolve.
  const pairs: Array<[string, string]> = [
    ['/ws/app', 'src/a.ts'],
    ['/ws', '/elsewhere/b.ts'],
    ['/ws/app', ''],
    ['/ws/app', 'src/../a.ts'],
    ['/ws/app', './a.ts'],
    ['/ws/app', 'src//a.ts'],
    ['/ws/app', 'src/'],
    ['/ws/app/', 'a.ts'],
    ['/ws/./app', 'a.ts'],
    ['/', 'a.ts'],
    ['/', '/'],
    ['/ws', '/elsewhere/../b.ts'],
    ['ws/app', 'a.ts'],
  ];

  it('gives what path.resolve gives', () => {
    expect(pairs.map(([folder, key]) => resolvedBelow(folder, key))).toEqual(pairs.map(([folder, key]) => path.resolve(folder, key)));
    expect(pairs.map(([folder, key]) => resolvedBelow(folder, key))).toEqual([
      '/ws/app/src/a.ts',
      '/elsewhere/b.ts',
      '/ws/app',
      '/ws/app/a.ts',
      '/ws/app/a.ts',
      '/ws/app/src/a.ts',
      '/ws/app/src',
      '/ws/app/a.ts',
      '/ws/app/a.ts',
      '/a.ts',
      '/',
      '/b.ts',
      path.resolve('ws/app', 'a.ts'),
    ]);
  });
});

describe('segmentsBelow', () => {
  // [folder, file]: the first through the text, the rest (not absolute POSIX, or not normal) through path.relative.
  const pairs: Array<[string, string]> = [
    ['/ws', '/ws/app/src/a.ts'],
    ['/ws/app', '/ws/app'],
    ['/', '/a/b.ts'],
    ['/ws/', '/ws/a.ts'],
    ['/ws', '/ws//a.ts'],
    ['/ws', '/ws/./x/../a.ts'],
    ['ws', 'ws/a.ts'],
    ['/ws', 'ws/a.ts'],
  ];

  it('gives what path.relative splits into', () => {
    expect(pairs.map(([folder, file]) => segmentsBelow(folder, file))).toEqual(pairs.map(([folder, file]) => path.relative(folder, file).split(path.sep)));
    expect(pairs.map(([folder, file]) => segmentsBelow(folder, file))).toEqual([['app', 'src', 'a.ts'], [''], ['a', 'b.ts'], ['a.ts'], ['a.ts'], ['a.ts'], ['a.ts'], path.relative('/ws', 'ws/a.ts').split(path.sep)]);
  });

  it('never matches a file that is the workspace folder itself', () => {
    expect(resolveBySuffix('ws', context({ filesNamed: () => ['/ws'] }))).toEqual({ ignored: 'was not found in the workspace' });
  });
});
