/**
 * The repository's files for the gate: a walk that never follows symbolic links, skips the
 * folders the extension never searches, and stops at a fixed number of entries; bounded reads
 * inside a folder; the git program from PATH, never from the checked folder.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { findGitOnPath, nodeGitProbe } from '../core/git/gitLocate';
import { Containment } from '../core/shared/containment';
import { readBounded } from '../core/shared/fileProbe';
import { NEVER_SEARCHED_FOLDERS } from '../core/shared/settingDefaults';

export const MAX_ENTRIES = 500_000;

export interface Walk {
  /** Paths relative to the root, `/`-separated, sorted. */
  readonly files: string[];
  readonly truncated: boolean;
}

export function walkFiles(root: string, maxEntries = MAX_ENTRIES): Walk {
  const files: string[] = [];
  const folders = [''];
  let seen = 0;
  while (folders.length > 0) {
    const folder = folders.pop() as string;
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > maxEntries) return { files: files.sort(), truncated: true };
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory() && !NEVER_SEARCHED_FOLDERS.includes(entry.name)) folders.push(relative);
      else if (entry.isFile()) files.push(relative);
    }
  }
  return { files: files.sort(), truncated: false };
}

export type Read = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/**
 * The UTF-8 text of a regular file of at most `maxBytes` inside `folder` (by real path: a
 * symbolic link that leads out of it is refused), read with the extension's one bounded read.
 */
export async function readTextInside(folder: string, file: string, maxBytes: number): Promise<Read> {
  if (!new Containment([folder]).contains(file)) return { ok: false, missing: false, reason: `is outside ${folder} (a symbolic link?)` };
  const read = await readBounded(file, maxBytes);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : { ok: false, missing: read.kind === 'missing', reason: read.message };
}

/** The absolute path of the first `git` on PATH outside the checked folder and the current folder (the extension's own lookup). */
export function findGit(env: NodeJS.ProcessEnv, cwd: string, checked: string): Promise<string | undefined> {
  return findGitOnPath({ pathEnv: env.PATH, cwd, workspaceFolders: [checked], platform: process.platform }, nodeGitProbe);
}
