/**
 * Path text without the file system: works on POSIX and Windows paths alike, whatever the
 * platform the code runs on. The normal form uses forward slashes.
 */

/** Forward slashes, no repeated slashes (a leading `//` of a UNC path kept), `.` and `..` resolved. */
export function normalisePath(path: string): string {
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

export function isAbsolutePath(path: string): boolean {
  return /^([\\/]|[A-Za-z]:[\\/])/.test(path);
}

/** Windows paths (drive letter or UNC) compare without case. */
function comparable(path: string): string {
  return /^([A-Za-z]:|\/\/)/.test(path) ? path.toLowerCase() : path;
}

/** Whether normalised `path` is `folder` or inside it (text only; report keys use resolveKeys' isInside, with the platform's path module). */
export function pathIsInside(path: string, folder: string): boolean {
  const p = comparable(path);
  const f = comparable(folder).replace(/\/$/, '');
  return p === f || p.startsWith(`${f}/`);
}

/** Joins normalised paths. */
export function joinPath(folder: string, relative: string): string {
  return normalisePath(`${folder}/${relative}`);
}

/** The folder of a normalised path. */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? path.slice(0, i + 1) : path.slice(0, i);
}

/** A normalised path written with the given separator. */
export function withSeparator(path: string, separator: '/' | '\\'): string {
  return separator === '/' ? path : path.replace(/\//g, '\\');
}
