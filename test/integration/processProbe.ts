// What the extension host process holds, read from /proc (Linux): its inotify watches and its
// child processes; and a recorder of the child processes the extension's own bundle starts.
// Shared by the activation suite (exact assertions) and the bench's activation suite (figures).
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export interface InotifyWatch {
  /** `<fd>:<wd>`: unique within the process. */
  readonly id: string;
  /** The watched inode and its device (as the kernel prints them in fdinfo). */
  readonly ino: number;
  readonly sdev: string;
}

/**
 * Every inotify watch the process holds: /proc/<pid>/fdinfo/<fd> of each inotify descriptor lists
 * one `inotify wd:<n> ino:<hex> sdev:<hex> …` line per watch. fs.watch, chokidar and libuv open
 * them here; VS Code's own file watcher runs in another process.
 */
export function inotifyWatches(pid: number = process.pid): InotifyWatch[] {
  const watches: InotifyWatch[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    if (target !== 'anon_inode:inotify') continue;
    let info: string;
    try {
      info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    } catch {
      continue;
    }
    for (const match of info.matchAll(/^inotify wd:(\d+) ino:([0-9a-f]+) sdev:([0-9a-f]+)/gm)) {
      watches.push({ id: `${fd}:${match[1]}`, ino: parseInt(match[2] as string, 16), sdev: match[3] as string });
    }
  }
  return watches;
}

/** Every inode under `root` (root included; links not followed) with its path relative to root ('.' for root). */
export function inodesUnder(root: string): Map<number, string> {
  const found = new Map<number, string>();
  const walk = (dir: string): void => {
    found.set(lstatSync(dir).ino, path.relative(root, dir) || '.');
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.set(lstatSync(full).ino, path.relative(root, full));
    }
  };
  walk(root);
  return found;
}

/** The paths (relative to root) of the watches on files and folders under root, sorted. */
export function watchedUnder(root: string, watches: readonly InotifyWatch[] = inotifyWatches()): string[] {
  const inodes = inodesUnder(root);
  return watches.flatMap((watch) => inodes.get(watch.ino) ?? []).sort();
}

/** The pids of the living descendants of a process. */
export function descendants(pid: number = process.pid): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const parent = Number(/^\d+ \(.*\) \S (\d+)/s.exec(stat)?.[1] ?? 0);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const result: number[] = [];
  const visit = (at: number): void => {
    for (const child of children.get(at) ?? []) {
      result.push(child);
      visit(child);
    }
  };
  visit(pid);
  return result.sort((a, b) => a - b);
}

const STARTERS = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork'] as const;

/**
 * Records every child process whose start has a frame of `bundle` (the extension's dist/extension.js)
 * on its stack: the extension's bundle reads child_process's functions when it calls them, so
 * wrapping them here sees each of its starts. `stop()` puts the originals back.
 */
export function recordStarts(bundle: string): { readonly started: string[]; stop(): void } {
  const started: string[] = [];
  // The module object itself (an ES namespace import would be a read-only copy of it).
  const module = createRequire(__filename)('node:child_process') as Record<string, ((...args: unknown[]) => unknown) | undefined>;
  const originals = STARTERS.map((name) => [name, module[name]] as const);
  for (const [name, original] of originals) {
    if (original === undefined) continue;
    module[name] = function (this: unknown, ...args: unknown[]): unknown {
      if ((new Error().stack ?? '').includes(bundle)) started.push([args[0], ...(Array.isArray(args[1]) ? (args[1] as unknown[]) : [])].map(String).join(' '));
      return original.apply(this, args);
    };
  }
  return {
    started,
    stop: () => {
      for (const [name, original] of originals) if (original !== undefined) module[name] = original;
    },
  };
}
