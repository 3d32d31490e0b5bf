import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setProcessGate } from '../../../src/core/shared/process';
import {
  changedLinesSince, diffAgainst, findRepoRoot, gitDirs, listBranches, mergeBase, remoteDefaultBranch, resolveBase, untrackedFiles,
} from '../../../src/core/git/gitCli';

let temp = '';
let repo = '';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
}

function write(path: string, content: string | Buffer): void {
  writeFileSync(join(repo, path), content);
}

const ctx = (cwd: string) => ({ gitPath: 'git', cwd, timeoutMs: 20_000 });

beforeAll(() => {
  // Builds the repository shared by the tests below (in beforeAll: collection alone leaves nothing behind).
  temp = realpathSync(mkdtempSync(join(tmpdir(), 'ml-gitcli-')));
  repo = join(temp, 'repo');
  mkdirSync(join(repo, 'src'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  write('a.ts', '1\n2\n3\n4\n5\n');
  write('b.ts', 'b1\nb2\n');
  write('del.ts', 'd\n');
  write('src/ren-old.ts', Array.from({ length: 10 }, (_, i) => `r${i + 1}\n`).join(''));
  write('img.bin', Buffer.from([0, 1, 2, 0, 3]));
  write('nonl.ts', 'n1\nn2\n');
  write('.gitignore', 'ignored.log\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
  git(repo, 'checkout', '-qb', 'feature');
  write('a.ts', '1\ntwo\n3\n4\n5\n');
  git(repo, 'mv', 'src/ren-old.ts', 'src/ren-new.ts');
  write('src/ren-new.ts', `${Array.from({ length: 9 }, (_, i) => `r${i + 1}\n`).join('')}R10\n`);
  git(repo, 'rm', '-q', 'del.ts');
  write('img.bin', Buffer.from([0, 9, 9, 0, 3]));
  write('nonl.ts', 'n1\nn2\nn3');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'feature work');
  git(repo, 'checkout', '-q', 'main');
  write('main-only.ts', 'm\n');
  write('b.ts', 'B1\nb2\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'main moves on');
  git(repo, 'checkout', '-q', 'feature');
  write('b.ts', 'b1\nb2\nb3\n');
  git(repo, 'add', 'b.ts');
  write('a.ts', '1\ntwo\n3\n4\nfive\n');
  write('new file.ts', 'x\ny\n');
  write('ignored.log', 'noise\n');
}, 30_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('git against a real repository', { timeout: 30_000 }, () => {
  it('finds the repository root from a subfolder', async () => {
    expect(await findRepoRoot(ctx(join(repo, 'src')))).toEqual({ ok: true, value: repo });
  });

  it('lists local branches and resolves main as the default base', async () => {
    expect(await listBranches(ctx(repo))).toEqual({ ok: true, value: ['feature', 'main'] });
    expect(await remoteDefaultBranch(ctx(repo))).toEqual({ ok: true, value: undefined });
    expect(await resolveBase(ctx(repo), undefined)).toEqual({ ok: true, value: { base: 'main', source: 'main' } });
    expect(await resolveBase(ctx(repo), ' feature ')).toEqual({ ok: true, value: { base: 'feature', source: 'setting' } });
  });

  it('diffs committed, staged and unstaged changes since the merge base only', async () => {
    expect(await diffAgainst(ctx(repo), 'main')).toEqual({
      ok: true,
      value: [
        { path: 'a.ts', oldPath: undefined, status: 'modified', lines: [1, 4] },
        { path: 'b.ts', oldPath: undefined, status: 'modified', lines: [2] },
        { path: 'del.ts', oldPath: undefined, status: 'deleted', lines: [] },
        { path: 'nonl.ts', oldPath: undefined, status: 'modified', lines: [2] },
        { path: 'src/ren-new.ts', oldPath: 'src/ren-old.ts', status: 'renamed', lines: [9] },
      ],
    });
  });

  it('lists untracked files that are not ignored', async () => {
    expect(await untrackedFiles(ctx(join(repo, 'src')))).toEqual({ ok: true, value: ['new file.ts'] });
  });

  it('puts it all together as changed lines per absolute path', async () => {
    const r = await changedLinesSince(ctx(join(repo, 'src')), undefined);
    expect(r.ok && [r.value.base, [...r.value.changed]]).toEqual([
      { base: 'main', source: 'main' },
      [
        [join(repo, 'a.ts'), [1, 4]],
        [join(repo, 'b.ts'), [2]],
        [join(repo, 'nonl.ts'), [2]],
        [join(repo, 'src/ren-new.ts'), [9]],
        [join(repo, 'new file.ts'), 'all'],
      ],
    ]);
  });

  it('uses the remote default branch of a clone', async () => {
    const clone = join(temp, 'clone');
    git(temp, 'clone', '-q', repo, clone);
    expect(await resolveBase(ctx(clone), undefined)).toEqual({ ok: true, value: { base: 'origin/feature', source: 'remote default' } });
  });

  it('finds the git folders of a repository and of a worktree (whose .git is a file)', async () => {
    expect(await gitDirs(ctx(join(repo, 'src')))).toEqual({ ok: true, value: { gitDir: join(repo, '.git'), commonDir: join(repo, '.git') } });
    const worktree = join(temp, 'worktree');
    git(repo, 'worktree', 'add', '-q', '-b', 'wt-branch', worktree, 'main');
    try {
      expect(await gitDirs(ctx(worktree))).toEqual({ ok: true, value: { gitDir: join(repo, '.git', 'worktrees', 'worktree'), commonDir: join(repo, '.git') } });
    } finally {
      git(repo, 'worktree', 'remove', '--force', worktree);
      git(repo, 'branch', '-q', '-D', 'wt-branch');
    }
  });

  it('falls back to master, then HEAD', async () => {
    const other = join(temp, 'other');
    mkdirSync(other);
    git(other, 'init', '-q', '-b', 'master');
    git(other, 'commit', '-q', '--allow-empty', '-m', 'x');
    expect(await resolveBase(ctx(other), '')).toEqual({ ok: true, value: { base: 'master', source: 'master' } });
    git(other, 'branch', '-q', '-m', 'trunk');
    expect(await resolveBase(ctx(other), undefined)).toEqual({ ok: true, value: { base: 'HEAD', source: 'HEAD' } });
  });
});

describe('git errors', { timeout: 30_000 }, () => {
  it('says when git is missing', async () => {
    expect(await findRepoRoot({ gitPath: join(temp, 'no-git-here'), cwd: repo })).toEqual({
      ok: false,
      error: { kind: 'gitNotFound', message: `Git was not found ("${join(temp, 'no-git-here')}"): install git or set mutantLens.gitPath.` },
    });
  });

  it('says when the folder is not a repository, or does not exist', async () => {
    const plain = join(temp, 'plain');
    mkdirSync(plain);
    expect(await findRepoRoot(ctx(plain))).toEqual({ ok: false, error: { kind: 'notARepository', message: `Not inside a git repository: ${plain}` } });
    const missing = join(temp, 'missing');
    expect(await findRepoRoot(ctx(missing))).toEqual({ ok: false, error: { kind: 'notARepository', message: `Not inside a git repository: ${missing} does not exist` } });
  });

  it('says when the base does not exist', async () => {
    expect(await resolveBase(ctx(repo), 'nope')).toEqual({
      ok: false,
      error: { kind: 'baseNotFound', base: 'nope', message: 'Base "nope" not found: no such branch or commit here (not fetched?)' },
    });
    expect(await mergeBase(ctx(repo), 'nope')).toEqual({
      ok: false,
      error: { kind: 'baseNotFound', base: 'nope', message: 'Base "nope" not found: fatal: Not a valid object name nope' },
    });
  });

  it('says when a shallow clone lacks the common history', async () => {
    const shallow = join(temp, 'shallow');
    git(temp, 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo}`, shallow);
    const message = 'Base "origin/main" not found: no common history with HEAD (a shallow clone? try git fetch --unshallow)';
    expect(await resolveBase(ctx(shallow), 'origin/main')).toEqual({ ok: true, value: { base: 'origin/main', source: 'setting' } });
    expect(await diffAgainst(ctx(shallow), 'origin/main')).toEqual({ ok: false, error: { kind: 'baseNotFound', base: 'origin/main', message } });
  });

  it('reports a failing command with the last line of stderr', async () => {
    const bare = join(temp, 'bare.git');
    git(temp, 'init', '-q', '--bare', bare);
    const r = await findRepoRoot(ctx(bare));
    expect(r.ok ? 'ok' : [r.error.kind, r.error.message, 'exitCode' in r.error && r.error.exitCode]).toEqual([
      'failed', 'git rev-parse failed: fatal: this operation must be run in a work tree', 128,
    ]);
  });

  it('reports a git that hangs as timed out, and one that cannot start as failed', async () => {
    const slow = join(temp, 'slow-git');
    writeFileSync(slow, '#!/bin/sh\nsleep 5\n', { mode: 0o755 });
    expect(await findRepoRoot({ gitPath: slow, cwd: repo, timeoutMs: 200 })).toEqual({
      ok: false, error: { kind: 'timeout', message: `${slow} rev-parse --show-toplevel took longer than 200 ms and was stopped` },
    });
    const notExecutable = join(temp, 'not-executable-git');
    writeFileSync(notExecutable, 'x', { mode: 0o644 });
    expect(await findRepoRoot({ gitPath: notExecutable, cwd: repo })).toEqual({
      ok: false, error: { kind: 'failed', exitCode: null, stderrTail: '', message: `Could not start ${notExecutable} rev-parse --show-toplevel: spawn ${notExecutable} EACCES` },
    });
  });

  it('leaves nested repositories out of untracked files', async () => {
    const nested = join(repo, 'nested');
    mkdirSync(nested);
    git(nested, 'init', '-q');
    writeFileSync(join(nested, 'n.txt'), 'n');
    try {
      expect(await untrackedFiles(ctx(repo))).toEqual({ ok: true, value: ['new file.ts'] });
    } finally {
      rmSync(nested, { recursive: true, force: true });
    }
  });

  it('starts nothing while the process gate refuses, and says why', async () => {
    const previous = setProcessGate(() => 'the workspace is not trusted (Restricted Mode)');
    try {
      expect(await findRepoRoot(ctx(repo))).toEqual({
        ok: false,
        error: { kind: 'failed', exitCode: null, stderrTail: '', message: 'Not started: git rev-parse --show-toplevel: the workspace is not trusted (Restricted Mode)' },
      });
    } finally {
      setProcessGate(previous);
    }
  });

  it('reports cancellation', async () => {
    const r = await listBranches({ gitPath: 'git', cwd: repo, signal: AbortSignal.abort() });
    expect(r).toEqual({ ok: false, error: { kind: 'cancelled', message: 'git for-each-ref "--format=%(refname:short)" refs/heads was cancelled' } });
  });
});
