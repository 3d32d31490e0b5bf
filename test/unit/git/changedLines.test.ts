import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBase, combineChanges, parseLines, parseNulList, parseRemoteHead } from '../../../src/core/git/changedLines';

describe('combineChanges', () => {
  it('keeps files with changed lines, marks untracked files whole, drops deletions', () => {
    const result = combineChanges('/repo', [
      { path: 'src/a.ts', oldPath: undefined, status: 'modified', lines: [0, 4] },
      { path: 'src/new.ts', oldPath: 'src/old.ts', status: 'renamed', lines: [2] },
      { path: 'gone.ts', oldPath: undefined, status: 'deleted', lines: [1] },
      { path: 'only-removals.ts', oldPath: undefined, status: 'modified', lines: [] },
    ], ['notes/x y.md', 'z.ts']);
    expect([...result]).toEqual([
      [join('/repo', 'src/a.ts'), [0, 4]],
      [join('/repo', 'src/new.ts'), [2]],
      [join('/repo', 'notes/x y.md'), 'all'],
      [join('/repo', 'z.ts'), 'all'],
    ]);
  });
});

describe('git output helpers', () => {
  it('splits NUL and line lists', () => {
    expect(parseNulList('a b\0c\nd\0\0')).toEqual(['a b', 'c\nd']);
    expect(parseNulList('')).toEqual([]);
    expect(parseLines('main\r\nfeature/x\n\n')).toEqual(['main', 'feature/x']);
  });

  it('reads the remote default branch', () => {
    expect(parseRemoteHead('refs/remotes/origin/main\n')).toBe('origin/main');
    expect(parseRemoteHead('refs/remotes/upstream/trunk')).toBe('upstream/trunk');
    expect(parseRemoteHead('refs/remotes/')).toBe(undefined);
    expect(parseRemoteHead('refs/heads/main')).toBe(undefined);
    expect(parseRemoteHead('')).toBe(undefined);
  });
});

describe('chooseBase', () => {
  const none = { setting: undefined, remoteHead: undefined, branches: [] as string[] };

  it('prefers the setting, then the remote default, then main, master, HEAD', () => {
    const all = { setting: ' develop ', remoteHead: 'origin/trunk', branches: ['master', 'main'] };
    expect(chooseBase(all)).toEqual({ base: 'develop', source: 'setting' });
    expect(chooseBase({ ...all, setting: '  ' })).toEqual({ base: 'origin/trunk', source: 'remote default' });
    expect(chooseBase({ ...all, setting: undefined, remoteHead: undefined })).toEqual({ base: 'main', source: 'main' });
    expect(chooseBase({ ...none, branches: ['master', 'mainline'] })).toEqual({ base: 'master', source: 'master' });
    expect(chooseBase({ ...none, branches: ['feature'] })).toEqual({ base: 'HEAD', source: 'HEAD' });
  });
});
