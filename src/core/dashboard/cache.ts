import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { err, ok, type Result } from '../shared/types';

/**
 * The last good report of each Dashboard URL, kept on disk (the extension's global storage) so
 * that it shows offline. Two files per URL, named by a hash of the URL: `<hash>.json`, the body as
 * the server sent it, and `<hash>.meta.json`:
 *   { "format": 1, "url": "<the request URL>", "etag": "<validator>" (optional), "fetchedAt": "<ISO time>" }
 * Both are written to a temporary name and renamed; the body first, so a meta file never names a
 * body that is not there. Every read is bounded.
 */
export interface CacheMeta {
  readonly url: string;
  readonly etag: string | undefined;
  /** When the server last answered with this body or confirmed it (304), ms since the epoch. */
  readonly fetchedAt: number;
}

export interface CachedBody {
  readonly meta: CacheMeta;
  readonly text: string;
}

const FORMAT = 1;
const MAX_META_BYTES = 64 * 1024;

export function cacheName(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

export function encodeMeta(meta: CacheMeta): string {
  return JSON.stringify({ format: FORMAT, url: meta.url, ...(meta.etag === undefined ? {} : { etag: meta.etag }), fetchedAt: new Date(meta.fetchedAt).toISOString() });
}

/** The meta data of `url`, or why the text is not that. */
export function decodeMeta(text: string, url: string): Result<CacheMeta> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err('is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return err('is not an object');
  const record = value as Record<string, unknown>;
  if (record.format !== FORMAT) return err(`has format ${JSON.stringify(record.format)}, not ${FORMAT}`);
  if (record.url !== url) return err('belongs to another URL');
  if (record.etag !== undefined && typeof record.etag !== 'string') return err('has an etag that is not a string');
  const fetchedAt = typeof record.fetchedAt === 'string' ? Date.parse(record.fetchedAt) : Number.NaN;
  if (Number.isNaN(fetchedAt)) return err('has no valid fetchedAt');
  return ok({ url, etag: record.etag, fetchedAt });
}

export class ReportCache {
  constructor(private readonly dir: string) {}

  /** The cached body of `url`, if there is a complete one within `maxBytes`. */
  async read(url: string, maxBytes: number): Promise<CachedBody | undefined> {
    const base = path.join(this.dir, cacheName(url));
    const metaText = await readSmall(`${base}.meta.json`, MAX_META_BYTES);
    if (metaText === undefined) return undefined;
    const meta = decodeMeta(metaText, url);
    if (!meta.ok) return undefined;
    const text = await readSmall(`${base}.json`, maxBytes);
    return text === undefined ? undefined : { meta: meta.value, text };
  }

  async write(meta: CacheMeta, text: string | undefined): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const base = path.join(this.dir, cacheName(meta.url));
    if (text !== undefined) await writeAtomically(`${base}.json`, text);
    await writeAtomically(`${base}.meta.json`, encodeMeta(meta));
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

/** A regular file's text when it is at most `maxBytes` long; undefined otherwise or when it cannot be read. */
export async function readSmall(file: string, maxBytes: number): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
