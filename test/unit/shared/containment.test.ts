import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Containment, insideAnyFolder, isAlreadyNormal, normalisePath, normaliseSegments, outsideMessage, pathIsInside, realPathOf } from '../../../src/core/shared/containment';

describe('pathIsInside (text)', () => {
  it('compares whole segments: /ws/app2 is not inside /ws/app', () => {
    expect([
      pathIsInside('/ws/app', '/ws/app'),
      pathIsInside('/ws/app/a.ts', '/ws/app'),
      pathIsInside('/ws/app/a.ts', '/ws/app/'),
      pathIsInside('/ws/app2', '/ws/app'),
      pathIsInside('/ws/app2/a.ts', '/ws/app'),
      pathIsInside('/ws', '/ws/app'),
      pathIsInside('/ws/app/../app2/a.ts', '/ws/app'),
      pathIsInside('/ws/app/..foo', '/ws/app'),
      pathIsInside('C:\\WS\\app\\a.ts', 'c:/ws/app'),
      pathIsInside('C:\\WS\\app2', 'c:/ws/app'),
      pathIsInside('/WS/app/a.ts', '/ws/app'),
      pathIsInside('//Server/share/a', '//server/share'),
      pathIsInside('/a', '/'),
    ]).toEqual([true, true, true, false, false, false, false, true, true, false, false, true, true]);
  });

  it('checks a set of folders', () => {
    expect([insideAnyFolder('/b/x', ['/a', '/b']), insideAnyFolder('/c/x', ['/a', '/b']), insideAnyFolder('/a/x', [])]).toEqual([true, false, false]);
  });

  it('normalises separators, dots and repeated slashes', () => {
    expect([normalisePath('a\\b//c/./d/../e'), normalisePath('/x/../../y'), normalisePath('C:\\a\\..\\..\\b'), normalisePath('//srv/share/../x')]).toEqual(['a/b/c/e', '/y', 'C:/b', '//srv/x']);
  });
});

describe('Containment (real paths, real symbolic links)', () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-contain-')));
  const ws = path.join(base, 'app');
  const sibling = path.join(base, 'app2');
  const outside = path.join(base, 'secret');
  for (const dir of [path.join(ws, 'src'), sibling, outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(ws, 'src/a.ts'), 'a');
  writeFileSync(path.join(sibling, 'b.ts'), 'b');
  writeFileSync(path.join(outside, 'key.ts'), 'k');
  symlinkSync(outside, path.join(ws, 'linked-folder'));
  symlinkSync(path.join(outside, 'key.ts'), path.join(ws, 'src/linked-file.ts'));
  symlinkSync(path.join(ws, 'src/a.ts'), path.join(ws, 'src/inner-link.ts'));
  symlinkSync('..', path.join(ws, 'up'));
  // The workspace folder itself opened through a link: its real path is what counts.
  symlinkSync(ws, path.join(base, 'app-link'));

  it('keeps files inside, follows links to their real place, and says where the ones leading out go', () => {
    const containment = new Containment([ws]);
    const names = ['src/a.ts', 'src/inner-link.ts', 'src/not-yet.ts', 'linked-folder/key.ts', 'src/linked-file.ts', 'up/app2/b.ts', '../app2/b.ts', '../secret/key.ts'];
    expect(names.map((name) => [name, containment.contains(path.join(ws, name))])).toEqual([
      ['src/a.ts', true],
      ['src/inner-link.ts', true],
      ['src/not-yet.ts', true],
      ['linked-folder/key.ts', false],
      ['src/linked-file.ts', false],
      ['up/app2/b.ts', false],
      ['../app2/b.ts', false],
      ['../secret/key.ts', false],
    ]);
    expect(containment.takeOutside()).toEqual([
      { file: path.join(ws, 'linked-folder/key.ts'), real: path.join(outside, 'key.ts') },
      { file: path.join(ws, 'src/linked-file.ts'), real: path.join(outside, 'key.ts') },
      { file: path.join(ws, 'up/app2/b.ts'), real: path.join(sibling, 'b.ts') },
    ]);
    expect(containment.takeOutside()).toEqual([]);
  });

  it('takes the folder by its real path, so a workspace opened through a link still contains its own files', () => {
    const containment = new Containment([path.join(base, 'app-link')]);
    expect([containment.contains(path.join(base, 'app-link/src/a.ts')), containment.contains(path.join(base, 'app-link/linked-folder/key.ts'))]).toEqual([true, false]);
  });

  it('resolves the deepest existing folder of a path that does not exist', () => {
    expect([realPathOf(path.join(ws, 'linked-folder/new/x.ts')), realPathOf(path.join(ws, 'src/a.ts'))]).toEqual([`${outside}/new/x.ts`, path.join(ws, 'src/a.ts')]);
  });

  it('writes one log line naming the path and where it leads, both quoted', () => {
    expect(outsideMessage('/ws/link/a.ts', '/etc/x\nforged')).toBe('Not read: "/ws/link/a.ts" leads outside the workspace folders (to "/etc/x\\nforged")');
  });
});

describe('normalisePath fast path', () => {
  const paths = ['', '/', 'a', '/ws/app/a.ts', 'C:/ws/a.ts', 'C:\\ws\\a.ts', '//server/share', '/ws//a', '/ws/./a', '/ws/../a', './a', '../a', '.', '..', '/ws/a/', '/ws/a/.', '/ws/a/..', '/ws/.a/..b/...', '/ws/a.', 'a..b/c'];

  it('says which paths need no normalising', () => {
    expect(paths.map(isAlreadyNormal)).toEqual([true, false, true, true, true, false, false, false, false, false, false, false, false, false, false, false, false, true, true, true]);
  });

  it('gives through the fast path what the general case gives', () => {
    expect(paths.map(normalisePath)).toEqual(paths.map(normaliseSegments));
    expect(paths.map(normaliseSegments)).toEqual(['', '/', 'a', '/ws/app/a.ts', 'C:/ws/a.ts', 'C:/ws/a.ts', '//server/share', '/ws/a', '/ws/a', '/a', 'a', '../a', '', '..', '/ws/a', '/ws/a', '/ws', '/ws/.a/..b/...', '/ws/a.', 'a..b/c']);
  });
});
