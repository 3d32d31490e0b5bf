import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readSmall } from './cache';

/**
 * The Dashboard project and the current branch of a workspace folder, read from git's own files
 * (bounded reads; no git process, so this is safe in an untrusted workspace): `.git/config`'s
 * `[remote "origin"] url` and `.git/HEAD`. A `.git` file (a worktree or submodule) is followed to
 * its git dir, and that dir's `commondir` to the shared config.
 */
const MAX_GIT_FILE = 256 * 1024;

export interface GitFiles {
  /** Holds HEAD. */
  readonly gitDir: string;
  /** Holds config. */
  readonly commonDir: string;
}

export async function findGitFiles(folder: string): Promise<GitFiles | undefined> {
  const dotGit = path.join(folder, '.git');
  const kind = await fs.lstat(dotGit).then(
    (stat) => (stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined),
    () => undefined,
  );
  if (kind === undefined) return undefined;
  let gitDir = dotGit;
  if (kind === 'file') {
    const pointer = (await readSmall(dotGit, MAX_GIT_FILE)) ?? '';
    const target = /^gitdir:\s*(.+?)\s*$/m.exec(pointer)?.[1];
    if (target === undefined) return undefined;
    gitDir = path.resolve(folder, target);
  }
  const common = (await readSmall(path.join(gitDir, 'commondir'), MAX_GIT_FILE))?.trim();
  return { gitDir, commonDir: common === undefined || common === '' ? gitDir : path.resolve(gitDir, common) };
}

export async function readOriginProject(files: GitFiles): Promise<string | undefined> {
  const config = await readSmall(path.join(files.commonDir, 'config'), MAX_GIT_FILE);
  const url = config === undefined ? undefined : originUrl(config);
  return url === undefined ? undefined : projectFromRemoteUrl(url);
}

export async function readBranch(files: GitFiles): Promise<string | undefined> {
  const head = await readSmall(path.join(files.gitDir, 'HEAD'), MAX_GIT_FILE);
  return head === undefined ? undefined : branchFromHead(head);
}

/** The `url` of `[remote "origin"]` in a git config text. */
export function originUrl(config: string): string | undefined {
  let inOrigin = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[\s*([^\]\s]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (section !== null) {
      inOrigin = section[1]?.toLowerCase() === 'remote' && section[2] === 'origin';
      continue;
    }
    if (!inOrigin) continue;
    const entry = /^url\s*=\s*(.*)$/i.exec(line);
    if (entry !== null) return unquote(entry[1] ?? '');
  }
  return undefined;
}

function unquote(value: string): string {
  const withoutComment = value.startsWith('"') ? value : value.replace(/\s[#;].*$/, '');
  const trimmed = withoutComment.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/**
 * `https://github.com/owner/repo.git`, `ssh://git@github.com:22/owner/repo`, `git@github.com:owner/repo.git`
 * → `github.com/owner/repo` (the Dashboard's project name). Undefined for a local path or file URL.
 */
export function projectFromRemoteUrl(url: string): string | undefined {
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
  let host: string;
  let repoPath: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (parsed.protocol === 'file:' || parsed.hostname === '') return undefined;
    host = parsed.hostname;
    repoPath = decodeURIComponent(parsed.pathname);
  } else if (scp !== null && !/^[A-Za-z]$/.test(scp[1] ?? '')) {
    host = scp[1] ?? '';
    repoPath = scp[2] ?? '';
  } else {
    return undefined;
  }
  const parts = repoPath.replace(/\.git\/?$/, '').split('/').filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part === '.' || part === '..')) return undefined;
  return [host.toLowerCase(), ...parts].join('/');
}

/** `ref: refs/heads/feat/x` → `feat/x`; a detached HEAD → undefined. */
export function branchFromHead(head: string): string | undefined {
  const branch = /^ref:\s*refs\/heads\/(\S+)\s*$/.exec(head.trim())?.[1];
  return branch === undefined || branch === '' ? undefined : branch;
}
