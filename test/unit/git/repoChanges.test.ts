import { describe, expect, it } from 'vitest';
import { isRepositoryChange, isWatched, watchRoots } from '../../../src/core/git/repoChanges';

const repo = { gitDir: '/r/.git', commonDir: '/r/.git' };
const worktree = { gitDir: '/r/.git/worktrees/wt', commonDir: '/r/.git' };

describe('isRepositoryChange', () => {
  it('takes HEAD, the index, packed-refs, branch refs and remote refs', () => {
    const changes = ['/r/.git/HEAD', '/r/.git/index', '/r/.git/packed-refs', '/r/.git/refs/heads/main', '/r/.git/refs/heads/feature/x', '/r/.git/refs/remotes/origin/main', '/r/.git/refs/remotes', '/r/.git/refs/heads'];
    expect(changes.filter((f) => isRepositoryChange(repo, f))).toEqual(changes);
  });

  it('leaves out lock files, objects, logs, tags, hooks, FETCH_HEAD and look-alikes', () => {
    const noise = ['/r/.git/index.lock', '/r/.git/refs/heads/main.lock', '/r/.git/packed-refs.lock', '/r/.git/objects/ab/cdef', '/r/.git/logs/HEAD', '/r/.git/refs/tags/v1', '/r/.git/hooks/pre-commit', '/r/.git/FETCH_HEAD', '/r/.git/ORIG_HEAD', '/r/.git/refs/headsx/main', '/r/.git/HEAD2', '/r/.gitx/HEAD', '/r/HEAD'];
    expect(noise.filter((f) => isRepositoryChange(repo, f))).toEqual([]);
  });

  it('in a worktree: its own HEAD and index, the shared refs and packed-refs; not the main worktree\'s HEAD', () => {
    const files = ['/r/.git/worktrees/wt/HEAD', '/r/.git/worktrees/wt/index', '/r/.git/packed-refs', '/r/.git/refs/remotes/origin/main', '/r/.git/HEAD', '/r/.git/index', '/r/.git/worktrees/other/HEAD'];
    expect(files.filter((f) => isRepositoryChange(worktree, f))).toEqual(['/r/.git/worktrees/wt/HEAD', '/r/.git/worktrees/wt/index', '/r/.git/packed-refs', '/r/.git/refs/remotes/origin/main']);
  });
});

describe('isWatched and watchRoots', () => {
  it('visits the git folders and refs on the way to the changes, nothing else', () => {
    const files = ['/r/.git', '/r/.git/refs', '/r/.git/refs/remotes', '/r/.git/refs/remotes/origin', '/r/.git/objects', '/r/.git/refs/tags', '/r/.git/logs', '/r/.git/worktrees'];
    expect(files.filter((f) => isWatched(repo, f))).toEqual(['/r/.git', '/r/.git/refs', '/r/.git/refs/remotes', '/r/.git/refs/remotes/origin']);
    expect(files.filter((f) => isWatched(worktree, f))).toEqual(['/r/.git', '/r/.git/refs', '/r/.git/refs/remotes', '/r/.git/refs/remotes/origin']);
    expect(isWatched(worktree, '/r/.git/worktrees/wt')).toBe(true);
  });

  it('opens one folder for a plain repository, two for a worktree', () => {
    expect(watchRoots(repo)).toEqual(['/r/.git']);
    expect(watchRoots(worktree)).toEqual(['/r/.git/worktrees/wt', '/r/.git']);
  });
});
