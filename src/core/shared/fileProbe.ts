import { statSync } from 'node:fs';

/**
 * Whether `file` is a regular file (symbolic links followed). A report key or an lcov SF that
 * names a folder, a socket or nothing at all does not resolve to a source file.
 */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file's modification time in ms, or undefined when it cannot be read. */
export function modifiedAt(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
