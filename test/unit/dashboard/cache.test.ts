import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheName, decodeMeta, encodeMeta, readSmall, ReportCache } from '../../../src/core/dashboard/cache';

const URL_A = 'https://d.io/api/reports/github.com/a/b/main';
let dir = '';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-cache-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the cache format', () => {
  it('writes the meta data as one JSON object with an ISO time', () => {
    expect(encodeMeta({ url: URL_A, etag: 'W/"a"', fetchedAt: Date.UTC(2026, 10, 30, 7, 0, 0) })).toBe(`{"format":1,"url":"${URL_A}","etag":"W/\\"a\\"","fetchedAt":"2026-11-30T07:00:00.000Z"}`);
    expect(encodeMeta({ url: URL_A, etag: undefined, fetchedAt: 0 })).toBe(`{"format":1,"url":"${URL_A}","fetchedAt":"1970-01-01T00:00:00.000Z"}`);
  });

  it('reads back what it wrote', () => {
    const meta = { url: URL_A, etag: '"e"', fetchedAt: 1_700_000_000_123 };
    expect(decodeMeta(encodeMeta(meta), URL_A)).toEqual({ ok: true, value: meta });
    expect(decodeMeta(encodeMeta({ ...meta, etag: undefined }), URL_A)).toEqual({ ok: true, value: { ...meta, etag: undefined } });
  });

  it('refuses meta data of another URL, format or shape', () => {
    expect(decodeMeta('{', URL_A)).toEqual({ ok: false, error: 'is not JSON' });
    expect(decodeMeta('[]', URL_A)).toEqual({ ok: false, error: 'is not an object' });
    expect(decodeMeta('null', URL_A)).toEqual({ ok: false, error: 'is not an object' });
    expect(decodeMeta('"x"', URL_A)).toEqual({ ok: false, error: 'is not an object' });
    expect(decodeMeta(`{"format":2,"url":"${URL_A}","fetchedAt":"2026-01-01T00:00:00Z"}`, URL_A)).toEqual({ ok: false, error: 'has format 2, not 1' });
    expect(decodeMeta(`{"url":"${URL_A}"}`, URL_A)).toEqual({ ok: false, error: 'has format undefined, not 1' });
    expect(decodeMeta(`{"format":1,"url":"other","fetchedAt":"2026-01-01T00:00:00Z"}`, URL_A)).toEqual({ ok: false, error: 'belongs to another URL' });
    expect(decodeMeta(`{"format":1,"url":"${URL_A}","etag":1,"fetchedAt":"2026-01-01T00:00:00Z"}`, URL_A)).toEqual({ ok: false, error: 'has an etag that is not a string' });
    expect(decodeMeta(`{"format":1,"url":"${URL_A}","fetchedAt":"soon"}`, URL_A)).toEqual({ ok: false, error: 'has no valid fetchedAt' });
    expect(decodeMeta(`{"format":1,"url":"${URL_A}","fetchedAt":5}`, URL_A)).toEqual({ ok: false, error: 'has no valid fetchedAt' });
  });

  it('names the files by a hash of the URL', () => {
    expect(cacheName(URL_A)).toMatch(/^[0-9a-f]{32}$/);
    expect(cacheName(URL_A)).not.toBe(cacheName(`${URL_A}?module=x`));
  });
});

describe('ReportCache', () => {
  it('keeps a body and its meta data per URL, and keeps the body when only the meta data is rewritten', async () => {
    const cache = new ReportCache(path.join(dir, 'nested'));
    expect(await cache.read(URL_A, 1000)).toBeUndefined();
    await cache.write({ url: URL_A, etag: '"1"', fetchedAt: 1000 }, '{"a":1}');
    expect(await cache.read(URL_A, 1000)).toEqual({ meta: { url: URL_A, etag: '"1"', fetchedAt: 1000 }, text: '{"a":1}' });
    await cache.write({ url: URL_A, etag: '"1"', fetchedAt: 2000 }, undefined);
    expect(await cache.read(URL_A, 1000)).toEqual({ meta: { url: URL_A, etag: '"1"', fetchedAt: 2000 }, text: '{"a":1}' });
    expect(await cache.read(`${URL_A}/x`, 1000)).toBeUndefined();
    expect((await fs.readdir(path.join(dir, 'nested'))).sort()).toEqual([`${cacheName(URL_A)}.json`, `${cacheName(URL_A)}.meta.json`]);
  });

  it('ignores a body over the limit, a missing body and broken meta data', async () => {
    const cache = new ReportCache(dir);
    await cache.write({ url: URL_A, etag: undefined, fetchedAt: 1 }, '12345');
    expect(await cache.read(URL_A, 4)).toBeUndefined();
    expect((await cache.read(URL_A, 5))?.text).toBe('12345');
    await fs.rm(path.join(dir, `${cacheName(URL_A)}.json`));
    expect(await cache.read(URL_A, 5)).toBeUndefined();
    await cache.write({ url: URL_A, etag: undefined, fetchedAt: 1 }, 'x');
    await fs.writeFile(path.join(dir, `${cacheName(URL_A)}.meta.json`), '{"format":1}');
    expect(await cache.read(URL_A, 5)).toBeUndefined();
  });
});

describe('readSmall', () => {
  it('reads a file up to the limit, never a folder or a missing file', async () => {
    const file = path.join(dir, 'f');
    await fs.writeFile(file, 'héllo');
    expect(await readSmall(file, 6)).toBe('héllo');
    expect(await readSmall(file, 5)).toBeUndefined();
    expect(await readSmall(dir, 1_000_000)).toBeUndefined();
    expect(await readSmall(path.join(dir, 'none'), 10)).toBeUndefined();
  });
});
