/**
 * Changed lines per file as pure functions over the outputs of git commands. Lines are 0-based
 * in the current file; `'all'` marks an untracked file (every line of it is new).
 */
import { join } from 'node:path';
import type { DiffFile } from './diffParse';

export type ChangedLineSet = readonly number[] | 'all';

/** Absolute path → its changed lines, ascending. Files without changed lines are left out. */
export type ChangedLines = ReadonlyMap<string, ChangedLineSet>;

/**
 * Joins the diff against the base and the untracked files. Deleted files and files whose only
 * changes are deletions (or a mode change) have no changed lines and are left out.
 */
export function combineChanges(repoRoot: string, diff: readonly DiffFile[], untracked: readonly string[]): Map<string, ChangedLineSet> {
  const result = new Map<string, ChangedLineSet>();
  for (const file of diff) {
    if (file.status !== 'deleted' && file.lines.length > 0) result.set(join(repoRoot, file.path), file.lines);
  }
  for (const path of untracked) result.set(join(repoRoot, path), 'all');
  return result;
}

/** Splits NUL-separated output (`-z`), dropping the empty tail. */
export function parseNulList(output: string): string[] {
  return output.split('\0').filter((s) => s.length > 0);
}

/** Splits line output, dropping blank lines and CRs. */
export function parseLines(output: string): string[] {
  return output.split('\n').map((s) => s.replace(/\r$/, '')).filter((s) => s.length > 0);
}

/** `refs/remotes/origin/main` (from `git symbolic-ref refs/remotes/origin/HEAD`) → `origin/main`. */
export function parseRemoteHead(output: string): string | undefined {
  const ref = output.trim();
  const prefix = 'refs/remotes/';
  return ref.startsWith(prefix) && ref.length > prefix.length ? ref.slice(prefix.length) : undefined;
}

export type BaseSource = 'setting' | 'remote default' | 'main' | 'master' | 'HEAD';

export interface BaseChoice {
  readonly base: string;
  readonly source: BaseSource;
}

export interface BaseInputs {
  /** The user's setting; blank means unset. */
  readonly setting: string | undefined;
  /** The remote's default branch as `origin/main`, when known. */
  readonly remoteHead: string | undefined;
  /** Local branch names. */
  readonly branches: readonly string[];
}

/** The base to compare with: the setting, else the remote's default branch, else main, master, HEAD. */
export function chooseBase(inputs: BaseInputs): BaseChoice {
  const setting = inputs.setting?.trim() ?? '';
  if (setting.length > 0) return { base: setting, source: 'setting' };
  if (inputs.remoteHead !== undefined) return { base: inputs.remoteHead, source: 'remote default' };
  if (inputs.branches.includes('main')) return { base: 'main', source: 'main' };
  if (inputs.branches.includes('master')) return { base: 'master', source: 'master' };
  return { base: 'HEAD', source: 'HEAD' };
}
