/**
 * Path text without the file system: works on POSIX and Windows paths alike, whatever the
 * platform the code runs on. The normal form uses forward slashes.
 */

export { normalisePath, pathIsInside } from '../shared/containment';
import { normalisePath } from '../shared/containment';

export function isAbsolutePath(path: string): boolean {
  return /^([\\/]|[A-Za-z]:[\\/])/.test(path);
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
