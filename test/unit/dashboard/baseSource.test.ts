import { readFileSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardBaseReportSource, dashboardVersionOfBase } from '../../../src/core/dashboard/baseSource';
import { ReportCache } from '../../../src/core/dashboard/cache';
import type { DashboardDeps } from '../../../src/core/dashboard/source';
import { DashboardServer } from '../../support/dashboardServer';

const REPORT_TEXT = readFileSync(new URL('../../fixtures/sample-project/reports/mutation/mutation.json', import.meta.url), 'utf8');
const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);

let server: DashboardServer;
let dir: string;
let deps: DashboardDeps;

beforeEach(async () => {
  server = new DashboardServer();
  await server.start();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-base-'));
  deps = { fetch, cache: new ReportCache(dir), now: () => NOW, timeoutMs: 5000, maxBytes: 1024 * 1024 };
});

afterEach(async () => {
  await server.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('dashboardBaseReportSource (the shape of issue 14\'s BaseReportSource)', () => {
  it("answers the base branch's report text for a report of a configured folder, and nothing for others", async () => {
    server.setReport({ project: 'github.com/acme/shop', version: 'release/1.x', module: 'core' }, REPORT_TEXT);
    const base = server.url();
    const source = dashboardBaseReportSource({
      branch: 'release/1.x',
      requestFor: (reportPath) => (reportPath.startsWith('/ws/core/') ? { baseUrl: base, project: 'github.com/acme/shop', module: 'core' } : undefined),
      deps,
    });
    const url = `${server.url()}/api/reports/github.com/acme/shop/release/1.x?module=core`;
    expect(source.name).toBe('Stryker Dashboard');
    expect(await source.read('/ws/core/reports/mutation/mutation.json')).toEqual({ ok: true, value: { label: 'release/1.x', detail: `Dashboard report ${url} fetched 2026-11-30T08:00:00.000Z`, text: REPORT_TEXT } });
    expect(await source.read('/ws/other/reports/mutation/mutation.json')).toEqual({ ok: true, value: undefined });
    await server.stop();
    expect(await source.read('/ws/core/reports/mutation/mutation.json')).toEqual({
      ok: true,
      value: { label: 'release/1.x', detail: `Dashboard report ${url} fetched 2026-11-30T08:00:00.000Z (cached copy: The Dashboard report at ${url} cannot be reached (ECONNREFUSED).)`, text: REPORT_TEXT },
    });
    server = new DashboardServer();
    await server.start();
  });

  it('has none when the Dashboard has no report for the base (404), and says other failures', async () => {
    const source = dashboardBaseReportSource({ branch: 'main', requestFor: () => ({ baseUrl: server.url(), project: 'github.com/acme/shop', module: undefined }), deps });
    expect(await source.read('/ws/r.json')).toEqual({ ok: true, value: undefined });
    server.setReport({ project: 'github.com/acme/shop', version: 'main' }, '{"not":"a report"}');
    expect(await source.read('/ws/r.json')).toEqual({
      ok: false,
      error: `The Dashboard report at ${server.url()}/api/reports/github.com/acme/shop/main is not a valid mutation report: the report must have required property 'schemaVersion'.`,
    });
  });

  it('labels the base as the user named it, and asks the Dashboard for the branch', async () => {
    server.setReport({ project: 'github.com/acme/shop', version: 'main' }, REPORT_TEXT);
    const source = dashboardBaseReportSource({ branch: 'main', label: 'origin/main', requestFor: () => ({ baseUrl: server.url(), project: 'github.com/acme/shop', module: undefined }), deps });
    const url = `${server.url()}/api/reports/github.com/acme/shop/main`;
    expect(await source.read('/ws/r.json')).toEqual({ ok: true, value: { label: 'origin/main', detail: `Dashboard report ${url} fetched 2026-11-30T08:00:00.000Z`, text: REPORT_TEXT } });
  });
});

describe('dashboardVersionOfBase (the Dashboard version of a diff base)', () => {
  it.each([
    ['main', 'main'],
    ['origin/main', 'main'],
    ['origin/release/1.x', 'release/1.x'],
    ['remotes/origin/main', 'main'],
    ['refs/remotes/origin/feat/x', 'feat/x'],
    ['refs/heads/develop', 'develop'],
    ['feat/origin/x', 'feat/origin/x'],
    ['upstream/main', 'upstream/main'],
    ['origin/', 'origin/'],
    ['v1.2.0', 'v1.2.0'],
  ])('%s → %s', (base, version) => {
    expect(dashboardVersionOfBase(base)).toBe(version);
  });
});
