import { constants, promises as fs, statSync } from 'node:fs';

/**
 * The one place files named by reports, lcov files and settings are looked at and read. Every
 * read checks first that the path is a regular file and no larger than the caller's limit, and
 * reads at most that many bytes from the handle it checked (a file that grows in between is
 * refused, not read whole). Symbolic links are followed: callers check containment first
 * (core/shared/containment).
 */

/** Whether `file` is a regular file (symbolic links followed). A folder, a socket, a FIFO or nothing does not count. */
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

/** The size in bytes of a regular file, else undefined. */
export function fileSize(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

export type BoundedRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly mtimeMs: number }
  | { readonly ok: false; readonly kind: 'missing' | 'not-a-file' | 'unreadable'; readonly message: string }
  | { readonly ok: false; readonly kind: 'too-large'; readonly size: number; readonly message: string };

/** O_NONBLOCK: opening a FIFO must not wait for a writer (0 where the platform has none). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file of at most `maxBytes` bytes; anything else is refused before its content is read. Never throws.
 * `whileReading` runs once, on this thread, while the first read of the content is in flight (on libuv's
 * thread pool); not for an empty file.
 */
export async function readBounded(file: string, maxBytes: number, whileReading?: () => void): Promise<BoundedRead> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, kind: 'not-a-file', message: 'is not a regular file' };
    if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    // No zero-fill pass to save with allocUnsafe: a buffer this large comes from calloc, whose fresh pages are zero (0.1 ms for 60 MB).
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const reading = handle.read(bytes, filled, bytes.length - filled, filled);
      if (filled === 0) whileReading?.();
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // One byte more than the stat said means it grew: it may be past the limit now.
    const more = await handle.read(Buffer.alloc(1), 0, 1, filled);
    if (more.bytesRead > 0 && filled + 1 > maxBytes) return tooLarge(filled + 1, maxBytes);
    return { ok: true, bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled), mtimeMs: stat.mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', message: 'no longer exists' };
    if (code === 'EISDIR') return { ok: false, kind: 'not-a-file', message: 'is not a regular file' };
    return { ok: false, kind: 'unreadable', message: `cannot be read (${code ?? String(error)})` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooLarge(size: number, maxBytes: number): BoundedRead {
  return { ok: false, kind: 'too-large', size, message: `is ${megabytes(size)} MB, more than the ${megabytes(maxBytes)} MB limit` };
}

export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}
