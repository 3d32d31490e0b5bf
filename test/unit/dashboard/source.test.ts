import { readFileSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportCache } from '../../../src/core/dashboard/cache';
import { describeProblem, fetchBaseReport, fetchDashboardReport, loadCachedReport, type DashboardDeps } from '../../../src/core/dashboard/source';
import type { DashboardTarget } from '../../../src/core/dashboard/url';
import { DashboardServer } from '../../support/dashboardServer';

const REPORT_TEXT = readFileSync(new URL('../../fixtures/sample-project/reports/mutation/mutation.json', import.meta.url), 'utf8');
const REPORT = JSON.parse(REPORT_TEXT) as { files: Record<string, unknown> };
const ID = { project: 'github.com/acme/shop', version: 'feat/dash/board', module: 'core' };
const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);

let server: DashboardServer;
let dir: string;
let target: DashboardTarget;
let deps: DashboardDeps;
let reportUrl: string;

beforeEach(async () => {
  server = new DashboardServer();
  const base = await server.start();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-dash-'));
  target = { baseUrl: base, ...ID };
  deps = { fetch, cache: new ReportCache(dir), now: () => NOW, timeoutMs: 5000, maxBytes: 1024 * 1024 };
  reportUrl = `${base}/api/reports/github.com/acme/shop/feat/dash/board?module=core`;
});

afterEach(async () => {
  await server.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('fetchDashboardReport against a Dashboard on 127.0.0.1', () => {
  it('fetches, validates and caches the report of a version with slashes and a module', async () => {
    server.setReport(ID, REPORT_TEXT);
    const result = await fetchDashboardReport(target, deps);
    expect(result).toEqual({ ok: true, value: { url: reportUrl, report: REPORT, fetchedAt: NOW, from: 'network' } });
    expect(server.requests).toEqual([{ method: 'GET', url: '/api/reports/github.com/acme/shop/feat/dash/board?module=core', ifNoneMatch: undefined }]);
    expect(await loadCachedReport(target, deps)).toEqual({ url: reportUrl, report: REPORT, fetchedAt: NOW, from: 'cache' });
  });

  it('asks again with If-None-Match and takes the cached body on 304', async () => {
    server.setReport(ID, REPORT_TEXT);
    await fetchDashboardReport(target, deps);
    const later = { ...deps, now: () => NOW + 60_000 };
    expect(await fetchDashboardReport(target, later)).toEqual({ ok: true, value: { url: reportUrl, report: REPORT, fetchedAt: NOW + 60_000, from: 'not-modified' } });
    const etag = server.requests[1]?.ifNoneMatch;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    expect((await loadCachedReport(target, deps))?.fetchedAt).toBe(NOW + 60_000);
  });

  it('takes a changed report whole when the ETag no longer matches', async () => {
    server.setReport(ID, REPORT_TEXT);
    await fetchDashboardReport(target, deps);
    const changed = { ...REPORT, files: {} };
    server.setReport(ID, changed);
    expect(await fetchDashboardReport(target, deps)).toEqual({ ok: true, value: { url: reportUrl, report: changed, fetchedAt: NOW, from: 'network' } });
    expect(await loadCachedReport(target, deps)).toEqual({ url: reportUrl, report: changed, fetchedAt: NOW, from: 'cache' });
  });

  it('says 404 when the server has no such version, and keeps the cache as it was', async () => {
    server.setReport(ID, REPORT_TEXT);
    await fetchDashboardReport(target, deps);
    server.deleteReport(ID);
    expect(await fetchDashboardReport(target, { ...deps, now: () => NOW + 1 })).toEqual({ ok: false, error: { kind: 'http', status: 404, url: reportUrl, reason: `has no such report (HTTP 404)` } });
    expect((await loadCachedReport(target, deps))?.fetchedAt).toBe(NOW);
  });

  it('says which HTTP error the server answered', async () => {
    server.override = (_request, response) => {
      response.writeHead(503).end('busy');
      return true;
    };
    expect(await fetchDashboardReport(target, deps)).toEqual({ ok: false, error: { kind: 'http', status: 503, url: reportUrl, reason: `answered HTTP 503` } });
  });

  it('refuses a body that is not JSON, or not a mutation report, and caches neither', async () => {
    server.setReport(ID, '<html>login</html>');
    expect(await fetchDashboardReport(target, deps)).toEqual({ ok: false, error: { kind: 'invalid', url: reportUrl, reason: `is not valid JSON: Unexpected token '<', "<html>login</html>" is not valid JSON` } });
    server.setReport(ID, { mutationScore: 80 });
    expect(await fetchDashboardReport(target, deps)).toEqual({ ok: false, error: { kind: 'invalid', url: reportUrl, reason: `is not a valid mutation report: the report must have required property 'schemaVersion'` } });
    expect(await loadCachedReport(target, deps)).toBeUndefined();
  });

  it('stops reading a body over the size limit, declared or not', async () => {
    server.setReport(ID, REPORT_TEXT);
    const small = { ...deps, maxBytes: 1000 };
    const tooLarge = { ok: false, error: { kind: 'too-large', url: reportUrl, reason: `sent more than the 0.00 MB limit (setting mutantLens.maxReportSizeMB)` } };
    expect(await fetchDashboardReport(target, small)).toEqual(tooLarge);
    let written = 0;
    server.override = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(65_536, 0x20);
      const more = (): void => {
        while (written < 1000 && response.write(chunk)) written++;
        if (written < 1000) response.once('drain', more);
        else response.end();
      };
      more();
      return true;
    };
    expect(await fetchDashboardReport(target, small)).toEqual(tooLarge);
    // 64 MB offered; the client cancelled after its first piece, so the server never got to write it all.
    expect(written).toBeLessThan(1000);
  });

  it('follows a redirect on the same server, and not one to another host', async () => {
    server.setReport({ ...ID, version: 'main' }, REPORT_TEXT);
    server.override = (request, response) => {
      if (!(request.url ?? '').includes('feat')) return false;
      response.writeHead(302, { location: '/api/reports/github.com/acme/shop/main?module=core' }).end();
      return true;
    };
    expect(await fetchDashboardReport(target, deps)).toMatchObject({ ok: true, value: { url: reportUrl, from: 'network' } });
    const other = new DashboardServer();
    const otherBase = await other.start();
    try {
      other.setReport(ID, REPORT_TEXT);
      server.override = (_request, response) => {
        response.writeHead(307, { location: `${otherBase}/api/reports/github.com/acme/shop/main?module=core` }).end();
        return true;
      };
      expect(await fetchDashboardReport(target, deps)).toEqual({ ok: false, error: { kind: 'http', status: 307, url: reportUrl, reason: `redirected to another host (${otherBase}); not followed` } });
      expect(other.requests).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it('gives up after a few redirects', async () => {
    server.override = (_request, response) => {
      response.writeHead(302, { location: '/again' }).end();
      return true;
    };
    expect(await fetchDashboardReport(target, deps)).toEqual({ ok: false, error: { kind: 'http', url: reportUrl, reason: `redirected more than 3 times` } });
    expect(server.requests.length).toBe(4);
  });

  it('times out a server that does not answer, and can be cancelled', async () => {
    server.override = () => true;
    expect(await fetchDashboardReport(target, { ...deps, timeoutMs: 200 })).toEqual({ ok: false, error: { kind: 'timeout', url: reportUrl, reason: `did not answer within 0.2 s` } });
    const controller = new AbortController();
    const pending = fetchDashboardReport(target, { ...deps, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ ok: false, error: { kind: 'cancelled', url: reportUrl, reason: `was cancelled` } });
  });

  it('says when the server cannot be reached', async () => {
    await server.stop();
    expect(await fetchDashboardReport(target, deps)).toEqual({ ok: false, error: { kind: 'network', url: reportUrl, reason: `cannot be reached (ECONNREFUSED)` } });
    server = new DashboardServer();
    await server.start();
  });

  it('requests nothing for an invalid target', async () => {
    expect(await fetchDashboardReport({ ...target, version: 'a//b' }, deps)).toEqual({ ok: false, error: { kind: 'config', reason: 'the version "a//b" has an empty, "." or ".." part' } });
    expect(await loadCachedReport({ ...target, version: 'a//b' }, deps)).toBeUndefined();
    expect(server.requests).toEqual([]);
  });

  it('asks for the real-time report with realTime=true', async () => {
    server.setReport(ID, REPORT_TEXT);
    const pending = { ...REPORT, files: {} };
    server.startRun(ID, pending);
    expect(await fetchDashboardReport(target, deps, true)).toEqual({ ok: true, value: { url: `${reportUrl}&realTime=true`, report: pending, fetchedAt: NOW, from: 'network' } });
  });
});

describe('fetchBaseReport', () => {
  it('fetches the base branch, and offline falls back to the cached copy, saying why', async () => {
    server.setReport({ ...ID, version: 'main' }, REPORT_TEXT);
    const request = { baseUrl: target.baseUrl, project: ID.project, module: ID.module };
    const baseUrl = `${target.baseUrl}/api/reports/github.com/acme/shop/main?module=core`;
    expect(await fetchBaseReport('main', request, deps)).toEqual({ ok: true, value: { url: baseUrl, report: REPORT, fetchedAt: NOW, from: 'network' } });
    await server.stop();
    expect(await fetchBaseReport('main', request, { ...deps, now: () => NOW + 5 })).toEqual({
      ok: true,
      value: { url: baseUrl, report: REPORT, fetchedAt: NOW, from: 'cache', problem: { kind: 'network', url: baseUrl, reason: `cannot be reached (ECONNREFUSED)` } },
    });
    expect(await fetchBaseReport('develop', request, deps)).toEqual({ ok: false, error: { kind: 'network', url: baseUrl.replace('main', 'develop'), reason: `cannot be reached (ECONNREFUSED)` } });
    server = new DashboardServer();
    await server.start();
  });
});

describe('describeProblem', () => {
  it('makes one sentence of a problem', () => {
    expect(describeProblem({ kind: 'network', url: 'https://d.io/api/reports/a/b/c/main', reason: 'cannot be reached (ENOTFOUND)' })).toBe('The Dashboard report at https://d.io/api/reports/a/b/c/main cannot be reached (ENOTFOUND).');
    expect(describeProblem({ kind: 'config', reason: 'no project is set' })).toBe('The Dashboard report cannot be requested: no project is set.');
  });
});
