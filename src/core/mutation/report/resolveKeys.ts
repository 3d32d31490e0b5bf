import * as path from 'node:path';
import { insideAnyFolder, isAlreadyNormal, pathIsInside } from '../../shared/containment';
import { singleLine } from '../../shared/sanitize';

/**
 * Where a report's file key points. Tried in order: an absolute key; the key relative to the
 * report's `projectRoot`; relative to the package folder that holds the report; last, a unique
 * suffix match among workspace files with the same name. A candidate outside every workspace
 * folder is never used (and never read).
 */
export interface KeyContext {
  readonly packageDir: string;
  readonly projectRoot: string | undefined;
  readonly workspaceFolders: readonly string[];
  /** Whether a regular file is there (a folder does not count). */
  readonly exists: (file: string) => boolean;
  /** Workspace files whose base name is `name` (absolute paths). */
  readonly filesNamed: (name: string) => readonly string[];
}

export type KeyResolution = { readonly path: string } | { readonly ignored: string };

const NOT_FOUND = 'was not found in the workspace';
/** pitest names classes of Java's default package `default/Main.java`. */
const PITEST_DEFAULT_PACKAGE = 'default/';
const AMBIGUOUS = 'matches';

export function normaliseKey(key: string): string {
  // includes first: most keys have no backslash, and a load of a small report is counted in microseconds.
  // Stryker disable next-line ConditionalExpression,StringLiteral: replacing in a key without a backslash gives the same key
  return key.includes('\\') ? key.replace(/\\/g, '/') : key;
}

export function isAbsoluteKey(key: string): boolean {
  return key.startsWith('/') || /^[A-Za-z]:[\\/]/.test(key);
}

/** Whether `file` is `folder` or inside it, by text (core/shared/containment). */
export function isInside(folder: string, file: string): boolean {
  return pathIsInside(file, folder);
}

export function insideWorkspace(file: string, folders: readonly string[]): boolean {
  return insideAnyFolder(file, folders);
}

export function resolveReportKey(key: string, context: KeyContext): KeyResolution {
  const normal = normaliseKey(key);
  let outside: string | undefined;
  const tried = candidates(normal, context);
  for (let i = 0; i < tried.length; i++) {
    const candidate = tried[i] as string;
    if (!insideWorkspace(candidate, context.workspaceFolders)) outside ??= candidate;
    else if (context.exists(candidate)) return { path: candidate };
  }
  const bySuffix = resolveBySuffix(normal, context);
  if (!('path' in bySuffix) && normal.startsWith(PITEST_DEFAULT_PACKAGE)) {
    const inDefault = resolveBySuffix(normal.slice(PITEST_DEFAULT_PACKAGE.length), context);
    if ('path' in inDefault) return inDefault;
  }
  if ('path' in bySuffix) return bySuffix;
  if (outside !== undefined && bySuffix.ignored !== undefined && !bySuffix.ignored.startsWith(AMBIGUOUS)) return { ignored: `resolves outside the workspace (${singleLine(outside)})` };
  return bySuffix;
}

function candidates(key: string, context: KeyContext): string[] {
  if (isAbsoluteKey(key)) {
    if (/^[A-Za-z]:/.test(key) && path.sep === '/') return [];
    // Stryker disable next-line StringLiteral: an absolute key resolves to the same path below any folder
    return [resolvedBelow('/', key)];
  }
  const found: string[] = [];
  if (context.projectRoot !== undefined && path.isAbsolute(context.projectRoot)) found.push(resolvedBelow(context.projectRoot, key));
  if (path.isAbsolute(context.packageDir)) found.push(resolvedBelow(context.packageDir, key));
  return found;
}

/**
 * `path.resolve(folder, key)`. For POSIX paths with nothing to normalise (an absolute key, or an
 * absolute folder and a relative key) it is read off the text: path.resolve walks every character
 * again, a third of indexing a small report whose keys the package folder finds.
 */
export function resolvedBelow(folder: string, key: string): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,MethodExpression,EqualityOperator,BlockStatement: path.resolve gives the same path, more slowly
  if (path.sep === '/' && key !== '' && isAlreadyNormal(key)) {
    if (key.startsWith('/')) return key;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,MethodExpression: path.resolve gives the same path, more slowly
    if (folder.startsWith('/') && isAlreadyNormal(folder)) return `${folder}/${key}`;
  }
  return path.resolve(folder, key);
}

/** The one workspace file whose path ends with the key's trailing segments (`..` never matches). */
export function resolveBySuffix(key: string, context: KeyContext): { readonly path: string; readonly ignored?: undefined } | { readonly ignored: string } {
  const segments = key.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return { ignored: 'does not name a file in the workspace' };
  const name = segments[segments.length - 1] ?? '';
  const matches = context.filesNamed(name).filter((file) => endsWithSegments(file, segments, context.workspaceFolders));
  if (matches.length === 1 && matches[0] !== undefined) return { path: matches[0] };
  if (matches.length > 1) return { ignored: `${AMBIGUOUS} ${matches.length} files in the workspace` };
  return { ignored: NOT_FOUND };
}

/** True when the file's path ends with as many trailing segments of the key as fit inside its workspace folder. */
function endsWithSegments(file: string, segments: readonly string[], folders: readonly string[]): boolean {
  const folder = folders.find((candidate) => isInside(candidate, file));
  if (folder === undefined) return false;
  const own = segmentsBelow(folder, file);
  const count = Math.min(own.length, segments.length);
  for (let i = 1; i <= count; i++) {
    if (own[own.length - i] !== segments[segments.length - i]) return false;
  }
  return true;
}

/**
 * The segments of a file below a folder it is inside, as `path.relative(folder, file)` splits. For
 * two POSIX paths with nothing to normalise they are read off the text: path.relative resolves both
 * paths again, a fifth of loading a report whose keys only a suffix match finds.
 */
export function segmentsBelow(folder: string, file: string): string[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,MethodExpression: path.relative gives the same segments, more slowly
  if (folder.startsWith('/') && file.startsWith('/') && isAlreadyNormal(folder) && isAlreadyNormal(file)) return file === folder ? [''] : file.split('/').slice(folder.split('/').length);
  return path.relative(folder, file).split(path.sep);
}
