/**
 * Which files of a repository's git folders say that changed lines may have moved: HEAD and the
 * index of the worktree, branch and remote-tracking refs (loose or packed) of the repository.
 * Pure over paths, so the `.git` watcher's filter is tested without a file system.
 */
import * as nodePath from 'node:path';
import type { GitDirs } from './gitCli';

const WORKTREE_FILES = ['HEAD', 'index'];
const REF_FOLDERS = [['refs', 'heads'], ['refs', 'remotes']];

/** True when a change of `file` can change the diff against the base. */
export function isRepositoryChange(dirs: GitDirs, file: string, path = nodePath): boolean {
  if (file.endsWith('.lock')) return false;
  if (WORKTREE_FILES.some((name) => file === path.join(dirs.gitDir, name))) return true;
  if (file === path.join(dirs.commonDir, 'packed-refs')) return true;
  return REF_FOLDERS.some((parts) => isUnder(path.join(dirs.commonDir, ...parts), file, path));
}

/**
 * True for the paths the watcher must look at: the changes above and the folders that lead to
 * them (the git folders, `refs`); everything else (objects, logs, hooks) is never visited.
 */
export function isWatched(dirs: GitDirs, file: string, path = nodePath): boolean {
  if (file === dirs.gitDir || file === dirs.commonDir || file === path.join(dirs.commonDir, 'refs')) return true;
  return isRepositoryChange(dirs, file, path);
}

/** The folders a watcher opens (each watched non-recursively but for the filter above). */
export function watchRoots(dirs: GitDirs): string[] {
  return dirs.gitDir === dirs.commonDir ? [dirs.gitDir] : [dirs.gitDir, dirs.commonDir];
}

function isUnder(folder: string, file: string, path: typeof nodePath): boolean {
  if (file === folder) return true;
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
