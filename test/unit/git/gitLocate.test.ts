import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGitOnPath, nodeGitProbe as probe, resolveGit, type PathSearch } from '../../../src/core/git/gitLocate';

let temp = '';
/** Folders under temp: a workspace folder, the host's current folder, and two folders outside. */
let ws = '';
let cwd = '';
let bin = '';
let other = '';

function plantGit(dir: string, executable = true): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'git');
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

beforeAll(() => {
  temp = realpathSync(mkdtempSync(join(tmpdir(), 'ml-gitlocate-')));
  ws = join(temp, 'ws');
  cwd = join(temp, 'cwd');
  bin = join(temp, 'usr', 'bin');
  other = join(temp, 'opt', 'git', 'bin');
  plantGit(join(ws, 'tools'));
  plantGit(ws);
  plantGit(cwd);
  plantGit(bin);
  plantGit(other);
  plantGit(join(temp, 'noexec'), false);
  mkdirSync(join(temp, 'dir', 'git'), { recursive: true });
  // A link outside the workspace to a git inside it.
  mkdirSync(join(temp, 'links'));
  symlinkSync(join(ws, 'tools', 'git'), join(temp, 'links', 'git'));
  symlinkSync(ws, join(temp, 'ws-link'));
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

const search = (pathEnv: string, platform: NodeJS.Platform = 'linux'): PathSearch => ({ pathEnv, cwd, workspaceFolders: [ws], platform });

describe('findGitOnPath', () => {
  it('takes the first git of an absolute PATH entry', async () => {
    expect(await findGitOnPath(search([bin, other].join(':')), probe)).toBe(join(bin, 'git'));
    expect(await findGitOnPath(search([other, bin].join(':')), probe)).toBe(join(other, 'git'));
  });

  it('skips empty and relative entries, ".", the current folder and anything inside a workspace folder', async () => {
    const hostile = ['', '.', './tools', 'tools', cwd, ws, join(ws, 'tools'), join(ws, 'tools', '..'), bin].join(':');
    expect(await findGitOnPath(search(hostile), probe)).toBe(join(bin, 'git'));
  });

  it('skips a git inside any of several workspace folders', async () => {
    const two = { ...search([join(ws, 'tools'), bin].join(':')), workspaceFolders: [other, ws] };
    expect(await findGitOnPath(two, probe)).toBe(join(bin, 'git'));
  });

  it('skips a git inside a workspace folder opened through a link', async () => {
    const linked = { ...search([join(ws, 'tools'), bin].join(':')), workspaceFolders: [join(temp, 'ws-link')] };
    expect(await findGitOnPath(linked, probe)).toBe(join(bin, 'git'));
  });

  it('skips a link outside the workspace that points at a git inside it', async () => {
    expect(await findGitOnPath(search([join(temp, 'links'), other].join(':')), probe)).toBe(join(other, 'git'));
  });

  it('skips a git that is not executable or not a file', async () => {
    expect(await findGitOnPath(search([join(temp, 'noexec'), join(temp, 'dir'), bin].join(':')), probe)).toBe(join(bin, 'git'));
  });

  it('finds nothing when only the workspace or the current folder has a git', async () => {
    expect(await findGitOnPath(search([ws, cwd, '', '.'].join(':')), probe)).toBe(undefined);
    expect(await findGitOnPath(search(''), probe)).toBe(undefined);
    expect(await findGitOnPath({ ...search(bin), pathEnv: undefined }, probe)).toBe(undefined);
  });

  it('looks for git.exe with ";" between entries on Windows', async () => {
    const seen: string[] = [];
    const recording = { isExecutableFile: async (p: string) => (seen.push(p), p === 'C:\\Git\\cmd\\git.exe'), realPath: async (p: string) => p };
    const win = await import('node:path').then((m) => m.win32);
    const found = await findGitOnPath({ pathEnv: '.;C:\\ws\\bin;"C:\\Git\\cmd"', cwd: 'C:\\ws', workspaceFolders: ['C:\\ws'], platform: 'win32' }, recording, win);
    expect(found).toBe('C:\\Git\\cmd\\git.exe');
    expect(seen).toEqual(['C:\\ws\\bin\\git.exe', 'C:\\Git\\cmd\\git.exe']);
  });
});

describe('findGitOnPath, quoted entries', () => {
  it('unquotes only an entry wholly in double quotes', async () => {
    const seen: string[] = [];
    const recording = { isExecutableFile: async (p: string) => (seen.push(p), false), realPath: async (p: string) => p };
    expect(await findGitOnPath({ pathEnv: '"/q/x":"/p"q:/a"b":/c"d"e', cwd: '/cwd', workspaceFolders: [], platform: 'linux' }, recording)).toBe(undefined);
    expect(seen).toEqual(['/q/x/git', '/a"b"/git', '/c"d"e/git']);
  });
});

describe('nodeGitProbe', () => {
  it('says false, not just nothing, for a file it may not run, and for no file', async () => {
    expect([await probe.isExecutableFile(join(temp, 'noexec', 'git')), await probe.isExecutableFile(join(temp, 'dir', 'git')), await probe.isExecutableFile(join(bin, 'git'))]).toEqual([false, false, true]);
  });
});

describe('resolveGit', () => {
  // A function: the folders exist only once beforeAll ran.
  const auto = () => ({ setting: '', gitExtensionPath: undefined, search: search(bin) });

  it('takes an absolute mutantLens.gitPath first, even inside the workspace (the user chose it)', async () => {
    expect(await resolveGit({ ...auto(), setting: join(other, 'git'), gitExtensionPath: join(bin, 'git') }, probe)).toEqual({ path: join(other, 'git'), source: 'setting' });
    expect(await resolveGit({ ...auto(), setting: join(ws, 'git') }, probe)).toEqual({ path: join(ws, 'git'), source: 'setting' });
  });

  it('treats an absent setting as automatic', async () => {
    expect(await resolveGit({ ...auto(), setting: undefined }, probe)).toEqual({ path: join(bin, 'git'), source: 'PATH' });
  });

  it('refuses a relative setting and says why; a missing one is not found', async () => {
    expect(await resolveGit({ ...auto(), setting: './git' }, probe)).toEqual({ problem: 'mutantLens.gitPath must be an absolute path; "./git" is not used.' });
    expect(await resolveGit({ ...auto(), setting: '/nonexistent/git' }, probe)).toEqual({ problem: 'Git was not found ("/nonexistent/git"): install git or set mutantLens.gitPath.' });
  });

  it('takes the git extension\'s git next (a bare "git" setting counts as automatic)', async () => {
    expect(await resolveGit({ ...auto(), gitExtensionPath: join(other, 'git') }, probe)).toEqual({ path: join(other, 'git'), source: 'git extension' });
    expect(await resolveGit({ ...auto(), setting: ' git ', gitExtensionPath: join(other, 'git') }, probe)).toEqual({ path: join(other, 'git'), source: 'git extension' });
  });

  it('skips a git extension git that is inside the workspace or relative, then searches PATH', async () => {
    expect(await resolveGit({ ...auto(), gitExtensionPath: join(ws, 'tools', 'git') }, probe)).toEqual({ path: join(bin, 'git'), source: 'PATH' });
    expect(await resolveGit({ ...auto(), gitExtensionPath: 'git' }, probe)).toEqual({ path: join(bin, 'git'), source: 'PATH' });
  });

  it('says when there is no git anywhere it may look', async () => {
    expect(await resolveGit({ ...auto(), search: search(ws) }, probe)).toEqual({ problem: 'Git was not found on PATH (outside the workspace): install git or set mutantLens.gitPath.' });
  });
});
