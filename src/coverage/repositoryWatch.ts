import { watch } from 'chokidar';
import type * as vscode from 'vscode';
import { gitDirs, type GitContext } from '../core/git/gitCli';
import { isRepositoryChange, isWatched, watchRoots } from '../core/git/repoChanges';
import { repositoryOf, type GitApi } from './gitExtension';

export type RepositoryWatch = vscode.Disposable & { readonly how: string };

/**
 * Calls `onChange` when the repository of `folder` changes (HEAD, index, branches, packed refs,
 * remote refs; a worktree's own HEAD and index): through the git extension's repository state
 * when it knows the folder's repository, else with a watcher of the git folders (a worktree's
 * `.git` file followed to both of them). Undefined when the folder is not in a repository.
 */
export async function watchRepository(folder: string, api: GitApi | undefined, git: GitContext, onChange: () => void): Promise<RepositoryWatch | undefined> {
  const repository = api === undefined ? undefined : await repositoryOf(api, folder);
  if (repository !== undefined) {
    const listener = repository.state.onDidChange(onChange);
    return { how: `through the git extension (repository ${repository.rootUri.fsPath})`, dispose: () => void listener.dispose() };
  }
  const dirs = await gitDirs(git);
  if (!dirs.ok) return undefined;
  const watcher = watch(watchRoots(dirs.value), { ignoreInitial: true, depth: 8, followSymlinks: false, ignored: (file: string) => !isWatched(dirs.value, file) });
  watcher.on('all', (_event, file: string) => {
    if (isRepositoryChange(dirs.value, file)) onChange();
  });
  watcher.on('error', () => undefined);
  // Changes are seen only once the first scan is done: the watch counts from then on.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  const roots = watchRoots(dirs.value).join(' and ');
  return { how: `by watching ${roots}`, dispose: () => void watcher.close() };
}
