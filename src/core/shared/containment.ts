import { realpathSync } from 'node:fs';
import { quoted } from './sanitize';

/**
 * The one containment check: whether a path lies inside a folder. Text first (POSIX and Windows
 * paths alike, segment by segment, so `/ws/app2` is not inside `/ws/app`), then real paths: the
 * workspace folder and the candidate with every symbolic link resolved, so a link inside the
 * workspace that points outside it does not count as inside.
 */

/** Forward slashes, no repeated slashes (a leading `//` of a UNC path kept), `.` and `..` resolved. */
export function normalisePath(path: string): string {
  // Stryker disable next-line ConditionalExpression: normaliseSegments gives the same path, more slowly
  return isAlreadyNormal(path) ? path : normaliseSegments(path);
}

/** A backslash, a doubled slash, a `.` or `..` segment, or a trailing slash: what normalising changes. */
const NOT_NORMAL = /\\|\/\/|(?:^|\/)\.\.?(?:\/|$)|\/$/;

/**
 * Whether normalisePath would give the path back unchanged, told by one regex test: key resolution
 * checks every candidate path against every workspace folder, and most are already normal.
 */
export function isAlreadyNormal(path: string): boolean {
  return !NOT_NORMAL.test(path);
}

/** normalisePath's general case, segment by segment. */
export function normaliseSegments(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const unc = slashed.startsWith('//');
  const root = unc ? '//' : slashed.startsWith('/') ? '/' : '';
  const out: string[] = [];
  for (const part of slashed.slice(root.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && !isDrive(out)) out.pop();
    else if (part !== '..' || (root === '' && !isDrive(out))) out.push(part);
  }
  return root + out.join('/');
}

function isDrive(parts: readonly string[]): boolean {
  return parts.length === 1 && /^[A-Za-z]:$/.test(parts[0] as string);
}

/** Windows paths (drive letter or UNC) compare without case. */
function comparable(path: string): string {
  return /^([A-Za-z]:|\/\/)/.test(path) ? path.toLowerCase() : path;
}

/** Whether `path` is `folder` or inside it, by text (both normalised first; `..` resolved). */
export function pathIsInside(path: string, folder: string): boolean {
  const p = comparable(normalisePath(path));
  const normal = comparable(normalisePath(folder));
  // Without a regex or a new string where it can: key resolution asks this for every candidate and folder.
  const f = normal.endsWith('/') ? normal.slice(0, -1) : normal;
  return p === f || (p.startsWith(f) && p.charCodeAt(f.length) === SLASH);
}

const SLASH = 0x2f;

/** Whether `path` is inside one of the folders, by text. */
export function insideAnyFolder(path: string, folders: readonly string[]): boolean {
  for (let i = 0; i < folders.length; i++) if (pathIsInside(path, folders[i] as string)) return true;
  return false;
}

/** A path with its symbolic links resolved; for a path that does not exist (yet), its deepest existing folder resolved and the rest appended. */
export function realPathOf(path: string, realpath: (path: string) => string = realpathSync.native): string {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      const real = realpath(at);
      return rest.length === 0 ? real : `${real.replace(/[\\/]$/, '')}/${rest.reverse().join('/')}`;
    } catch {
      const cut = Math.max(at.lastIndexOf('/'), at.lastIndexOf('\\'));
      if (cut <= 0 || at.slice(0, cut).endsWith(':')) return path;
      rest.push(at.slice(cut + 1));
      at = at.slice(0, cut);
    }
  }
}

/**
 * Containment in a set of workspace folders by real path. The folders' real paths are taken once;
 * each candidate's on every call. Candidates found outside are remembered so that the caller can
 * say so (`takeOutside`).
 */
export class Containment {
  private readonly realFolders: readonly string[];
  private readonly outside = new Map<string, string>();

  constructor(
    readonly folders: readonly string[],
    private readonly realpath: (path: string) => string = realpathSync.native,
  ) {
    this.realFolders = folders.map((folder) => realPathOf(folder, realpath));
  }

  /** Whether `file`, by text and with its links resolved, is inside a workspace folder. */
  contains(file: string): boolean {
    if (!insideAnyFolder(file, this.folders)) return false;
    const real = realPathOf(file, this.realpath);
    if (insideAnyFolder(real, this.realFolders)) return true;
    this.outside.set(file, real);
    return false;
  }

  /** The paths inside by text that links lead outside, seen since the last call, with where they lead. */
  takeOutside(): Array<{ readonly file: string; readonly real: string }> {
    const taken = [...this.outside].map(([file, real]) => ({ file, real }));
    this.outside.clear();
    return taken;
  }
}

/** The log line for a path that a link leads outside the workspace. */
export function outsideMessage(file: string, real: string): string {
  return `Not read: ${quoted(file)} leads outside the workspace folders (to ${quoted(real)})`;
}
