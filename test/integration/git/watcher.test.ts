// Issue 13: with the built-in git extension off (`git.enabled: false`), repository changes are
// followed by watching the git folders. The opened folder is a linked worktree (its `.git` is a
// file): its HEAD and index live in the main repository's .git/worktrees/wt, its refs and
// packed-refs in the main .git. A fetch that moves the base and a rewrite of packed-refs are both
// seen; removing the folder's only coverage file stops the watcher.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { api, waitFor, workspaceFile } from '../helpers';
import { git, logLines } from './gitHelpers';

const folder = (): string => workspaceFile('').fsPath;
const mainGit = (): string => path.join(path.dirname(folder()), 'repo', '.git');
const uncovered = async (): Promise<readonly number[]> => (await api()).getUncoveredChangedLines(workspaceFile('src/a.ts'));

describe('the .git watcher (git extension off) in a linked worktree', () => {
  it('computes the changed lines with git found on PATH, and watches both git folders', async () => {
    await api();
    assert.deepEqual(await waitFor(uncovered, (lines) => lines.length > 0, 'changed lines'), [1, 4, 7]);
    const onPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8', cwd: '/' }).trim();
    assert.deepEqual(logLines('Using git'), [`Using git ${onPath} (from PATH)`]);
    await waitFor(() => logLines('Following repository changes'), (lines) => lines.length > 0, 'the repository to be followed');
    assert.deepEqual(logLines('Following repository changes'), [`Following repository changes of ${folder()} by watching ${path.join(mainGit(), 'worktrees', 'wt')} and ${mainGit()}`]);
  });

  it('sees a fetch that moves the remote base (refs/remotes): exact recomputed lines', async () => {
    const remote = path.join(path.dirname(folder()), 'remote.git');
    git(remote, 'update-ref', 'refs/heads/main', git(remote, 'rev-parse', 'refs/heads/f1'));
    git(folder(), 'fetch', '-q', 'origin');
    assert.deepEqual(await waitFor(uncovered, (lines) => lines.length === 2, 'the merge base to move onto F1'), [4, 7]);
  });

  it('sees packed-refs change: exact recomputed lines', async () => {
    const lens = await api();
    git(folder(), 'pack-refs', '--all');
    await lens.settled();
    assert.deepEqual(await uncovered(), [4, 7]);
    // Move origin/main back to M by rewriting packed-refs alone (as a tool that packs refs would).
    const packed = path.join(mainGit(), 'packed-refs');
    const m = git(folder(), 'rev-parse', 'main');
    const f1 = git(folder(), 'rev-parse', 'origin/main');
    const text = readFileSync(packed, 'utf8');
    assert.equal(text.includes(`${f1} refs/remotes/origin/main\n`), true, text);
    writeFileSync(`${packed}.new`, text.replace(`${f1} refs/remotes/origin/main\n`, `${m} refs/remotes/origin/main\n`));
    renameSync(`${packed}.new`, packed);
    assert.deepEqual(await waitFor(uncovered, (lines) => lines.length === 3, 'the merge base back on M'), [1, 4, 7]);
  });

  it('sees a reset in the worktree (its own HEAD and index, the shared branch ref)', async () => {
    git(folder(), 'reset', '-q', '--hard', 'HEAD~1');
    assert.deepEqual(await waitFor(uncovered, (lines) => lines.length === 1, 'HEAD back on F1 with no edits left'), [1]);
  });

  it('stops watching when the folder\'s last coverage file is gone', async () => {
    rmSync(workspaceFile('coverage/lcov.info').fsPath);
    await waitFor(() => logLines('Stopped following'), (lines) => lines.length > 0, 'the watcher to stop');
    assert.deepEqual(logLines('Stopped following'), [`Stopped following repository changes of ${folder()}`]);
    assert.deepEqual(await uncovered(), []);
  });
});

