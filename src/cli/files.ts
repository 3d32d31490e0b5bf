/**
 * The repository's files for the gate: a walk that never follows symbolic links, skips the
 * folders the extension never searches, and stops at a fixed number of entries; bounded reads.
 */
import { promises as fs, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
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

export type Read = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** The text of a regular file of at most `maxBytes`. */
export async function readBounded(file: string, maxBytes: number): Promise<Read> {
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) return { ok: false, reason: 'is not a regular file' };
    if (stat.size > maxBytes) return { ok: false, reason: `is ${stat.size} bytes, more than the ${maxBytes}-byte limit` };
    return { ok: true, text: (await fs.readFile(file)).toString('utf8') };
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** An absolute program path from PATH; relative entries and the folders of `skipInside` are never used. */
export function findOnPath(program: string, skipInside: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((ext) => program + ext.toLowerCase()) : [program];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || !path.isAbsolute(dir)) continue;
    if (skipInside.some((folder) => dir === folder || dir.startsWith(folder + path.sep))) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
