import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { branchFromHead, findGitFiles, originUrl, projectFromRemoteUrl, readBranch, readOriginProject } from '../../../src/core/dashboard/gitRemote';

describe('projectFromRemoteUrl', () => {
  it('names the project as the Dashboard does, from every usual remote form', () => {
    expect(projectFromRemoteUrl('https://github.com/acme/shop.git')).toBe('github.com/acme/shop');
    expect(projectFromRemoteUrl('https://github.com/acme/shop')).toBe('github.com/acme/shop');
    expect(projectFromRemoteUrl('https://user:token@GitHub.com/acme/shop.git/')).toBe('github.com/acme/shop');
    expect(projectFromRemoteUrl('ssh://git@github.com:22/acme/shop.git')).toBe('github.com/acme/shop');
    expect(projectFromRemoteUrl('git@github.com:acme/shop.git')).toBe('github.com/acme/shop');
    expect(projectFromRemoteUrl('github.com:acme/shop')).toBe('github.com/acme/shop');
    expect(projectFromRemoteUrl('git@gitlab.com:group/sub/repo.git')).toBe('gitlab.com/group/sub/repo');
    expect(projectFromRemoteUrl('https://example.com/a%20b/c')).toBe('example.com/a b/c');
  });

  it('has no project for local paths and odd URLs', () => {
    expect(projectFromRemoteUrl('/srv/git/shop.git')).toBeUndefined();
    expect(projectFromRemoteUrl('../shop')).toBeUndefined();
    expect(projectFromRemoteUrl('file:///srv/git/shop.git')).toBeUndefined();
    expect(projectFromRemoteUrl('C:/repos/shop')).toBeUndefined();
    expect(projectFromRemoteUrl('https://github.com/')).toBeUndefined();
    expect(projectFromRemoteUrl('https://github.com/a/../b')).toBe('github.com/b');
    expect(projectFromRemoteUrl('git@github.com:a/../b')).toBeUndefined();
    expect(projectFromRemoteUrl('https://[::1')).toBeUndefined();
  });
});

describe('originUrl', () => {
  it('finds the url of [remote "origin"] only', () => {
    const config = [
      '[core]',
      '\turl = not-this',
      '[remote "upstream"]',
      '\turl = https://github.com/up/shop.git',
      '[Remote "origin"] # the one',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '\tURL = git@github.com:acme/shop.git ; trailing comment',
      '[branch "main"]',
      '\turl = not-this-either',
    ].join('\r\n');
    expect(originUrl(config)).toBe('git@github.com:acme/shop.git');
    expect(originUrl('[remote "origin"]\n\turl = "https://x.io/a/b"\n')).toBe('https://x.io/a/b');
    expect(originUrl('[remote "upstream"]\n\turl = https://x.io/a/b\n')).toBeUndefined();
    expect(originUrl('[remote "origin"]\n\tfetch = x\n[core]\nurl = y')).toBeUndefined();
  });
});

describe('branchFromHead', () => {
  it('reads the branch, with slashes, or nothing when detached', () => {
    expect(branchFromHead('ref: refs/heads/feat/dash-board\n')).toBe('feat/dash-board');
    expect(branchFromHead('ref:refs/heads/main')).toBe('main');
    expect(branchFromHead('0123456789abcdef0123456789abcdef01234567\n')).toBeUndefined();
    expect(branchFromHead('ref: refs/tags/v1\n')).toBeUndefined();
  });
});

describe('reading git files of a folder (no git process)', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-git-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads a repository', async () => {
    await fs.mkdir(path.join(dir, '.git'));
    await fs.writeFile(path.join(dir, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n');
    await fs.writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/feat/x\n');
    const files = await findGitFiles(dir);
    expect(files).toEqual({ gitDir: path.join(dir, '.git'), commonDir: path.join(dir, '.git') });
    expect(await readOriginProject(files!)).toBe('github.com/acme/shop');
    expect(await readBranch(files!)).toBe('feat/x');
  });

  it('follows a worktree .git file to its HEAD and the shared config', async () => {
    const main = path.join(dir, 'main', '.git');
    await fs.mkdir(path.join(main, 'worktrees', 'wt'), { recursive: true });
    await fs.writeFile(path.join(main, 'config'), '[remote "origin"]\n\turl = git@github.com:acme/shop.git\n');
    await fs.writeFile(path.join(main, 'worktrees', 'wt', 'HEAD'), 'ref: refs/heads/wt-branch\n');
    await fs.writeFile(path.join(main, 'worktrees', 'wt', 'commondir'), '../..\n');
    await fs.mkdir(path.join(dir, 'wt'));
    await fs.writeFile(path.join(dir, 'wt', '.git'), `gitdir: ${path.join(main, 'worktrees', 'wt')}\n`);
    const files = await findGitFiles(path.join(dir, 'wt'));
    expect(files).toEqual({ gitDir: path.join(main, 'worktrees', 'wt'), commonDir: main });
    expect(await readOriginProject(files!)).toBe('github.com/acme/shop');
    expect(await readBranch(files!)).toBe('wt-branch');
  });

  it('has nothing for a folder without git or a .git file that points nowhere', async () => {
    expect(await findGitFiles(dir)).toBeUndefined();
    await fs.writeFile(path.join(dir, '.git'), 'nonsense');
    expect(await findGitFiles(dir)).toBeUndefined();
    await fs.rm(path.join(dir, '.git'));
    await fs.symlink(path.join(dir, 'elsewhere'), path.join(dir, '.git'));
    expect(await findGitFiles(dir)).toBeUndefined();
  });

  it('reads nothing from an empty .git folder', async () => {
    await fs.mkdir(path.join(dir, '.git'));
    const files = await findGitFiles(dir);
    expect(files).toEqual({ gitDir: path.join(dir, '.git'), commonDir: path.join(dir, '.git') });
    expect(await readOriginProject(files!)).toBeUndefined();
    expect(await readBranch(files!)).toBeUndefined();
  });
});
