/**
 * Which git program to run: resolved once to an absolute path outside the workspace, so that a
 * `git` (or `git.exe`) planted in a repository never runs instead of the real one. Pure over a
 * small file-system interface.
 */
import { access, constants, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { isInside } from '../mutation/report/resolveKeys';

export interface GitProbe {
  /** True when `path` is a regular file this user may execute. */
  isExecutableFile(path: string): Promise<boolean>;
  /** The real path (symbolic links resolved), or undefined when it does not exist. */
  realPath(path: string): Promise<string | undefined>;
}

export interface PathSearch {
  /** The PATH environment variable. */
  readonly pathEnv: string | undefined;
  /** The extension host's current folder: never searched. */
  readonly cwd: string;
  /** Absolute paths of the workspace folders: nothing inside them is taken. */
  readonly workspaceFolders: readonly string[];
  readonly platform: NodeJS.Platform;
}

export type GitSource = 'setting' | 'git extension' | 'PATH';

export interface ResolvedGit {
  readonly path: string;
  readonly source: GitSource;
}

export interface GitCandidates {
  /** `mutantLens.gitPath` from user or machine settings ('' or absent: automatic). */
  readonly setting: string | undefined;
  /** The git the built-in git extension runs, when that extension is active. */
  readonly gitExtensionPath: string | undefined;
  readonly search: PathSearch;
}

/**
 * The setting when it names a git (an absolute path; a bare `git` means automatic), else the git
 * extension's git, else the first `git` on PATH; never anything inside a workspace folder or
 * the current folder, except a path the user set. Either the git or why there is none.
 */
export async function resolveGit(candidates: GitCandidates, probe: GitProbe, path = nodePath): Promise<ResolvedGit | { readonly problem: string }> {
  const setting = candidates.setting?.trim() ?? '';
  if (setting !== '' && setting !== 'git') {
    if (!path.isAbsolute(setting)) return { problem: `mutantLens.gitPath must be an absolute path; "${setting}" is not used.` };
    if (!(await probe.isExecutableFile(setting))) return { problem: `Git was not found ("${setting}"): install git or set mutantLens.gitPath.` };
    return { path: setting, source: 'setting' };
  }
  const fromExtension = candidates.gitExtensionPath;
  if (fromExtension !== undefined && (await isUsable(fromExtension, candidates.search, probe, path))) return { path: fromExtension, source: 'git extension' };
  const found = await findGitOnPath(candidates.search, probe, path);
  return found === undefined ? { problem: 'Git was not found on PATH (outside the workspace): install git or set mutantLens.gitPath.' } : { path: found, source: 'PATH' };
}

/** The first executable `git` in PATH's absolute entries that lies outside the workspace folders and the current folder. */
export async function findGitOnPath(search: PathSearch, probe: GitProbe, path = nodePath): Promise<string | undefined> {
  const name = search.platform === 'win32' ? 'git.exe' : 'git';
  const delimiter = search.platform === 'win32' ? ';' : ':';
  // Stryker disable next-line StringLiteral: without PATH any stand-in text is one relative entry, never searched
  for (const entry of (search.pathEnv ?? '').split(delimiter)) {
    // An empty entry means the current folder, as does any relative one: never searched.
    const dir = entry.replace(/^"(.*)"$/, '$1');
    if (!path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    if (await isUsable(candidate, search, probe, path)) return candidate;
  }
  return undefined;
}

/**
 * An executable file that is not in the current folder and not inside a workspace folder, by its
 * path and by its real path (a link planted elsewhere counts where it points).
 */
async function isUsable(candidate: string, search: PathSearch, probe: GitProbe, path: typeof nodePath): Promise<boolean> {
  if (!path.isAbsolute(candidate) || !(await probe.isExecutableFile(candidate))) return false;
  const real = (await probe.realPath(candidate)) ?? candidate;
  const cwds = await withRealPaths([search.cwd], probe);
  const folders = await withRealPaths(search.workspaceFolders, probe);
  return [candidate, real].every((at) => !cwds.includes(path.dirname(at)) && !folders.some((folder) => isInside(folder, at)));
}

async function withRealPaths(paths: readonly string[], probe: GitProbe): Promise<string[]> {
  // Stryker disable next-line ArrayDeclaration: a stand-in entry is relative, and a candidate (absolute) is never in a relative folder
  const result: string[] = [];
  for (const p of paths) result.push(p, (await probe.realPath(p)) ?? p);
  return result;
}

/** The probe over the real file system. */
export const nodeGitProbe: GitProbe = {
  isExecutableFile: async (file) => {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() !== true) return false;
    try {
      // Stryker disable next-line ConditionalExpression,StringLiteral: Windows has no execute bit; the tests run on Linux
      await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  realPath: (file) => realpath(file).catch(() => undefined),
};
