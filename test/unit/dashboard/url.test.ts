import { describe, expect, it } from 'vitest';
import { normaliseBaseUrl, realTimeUrl, reportUrl, type DashboardTarget } from '../../../src/core/dashboard/url';

const target = (over: Partial<DashboardTarget> = {}): DashboardTarget => ({ baseUrl: 'https://dashboard.stryker-mutator.io', project: 'github.com/acme/shop', version: 'main', module: undefined, ...over });

describe('reportUrl and realTimeUrl', () => {
  it('builds the routes of the Dashboard controllers', () => {
    expect(reportUrl(target())).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/main' });
    expect(realTimeUrl(target())).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/real-time/github.com/acme/shop/main' });
    expect(reportUrl(target(), true)).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/main?realTime=true' });
  });

  it('keeps the slashes of a version and escapes each of its parts', () => {
    expect(reportUrl(target({ version: 'feat/a b/100%' }))).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/feat/a%20b/100%25' });
    expect(reportUrl(target({ version: 'v1.0?x#y' }))).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/v1.0%3Fx%23y' });
    expect(reportUrl(target({ project: 'github.com/ac me/sh#op' }))).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/ac%20me/sh%23op/main' });
  });

  it('puts the module in the query, escaped, with realTime after it', () => {
    expect(reportUrl(target({ module: '@acme/core&x=1' }), true)).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/main?module=%40acme%2Fcore%26x%3D1&realTime=true' });
    expect(realTimeUrl(target({ module: 'core' }))).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/real-time/github.com/acme/shop/main?module=core' });
    expect(reportUrl(target({ module: '' }))).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/main' });
  });

  it('trims the project and version, and refuses empty, "." and ".." parts', () => {
    expect(reportUrl(target({ project: ' github.com/acme/shop ', version: ' main ' }))).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io/api/reports/github.com/acme/shop/main' });
    expect(reportUrl(target({ version: 'feat//x' }))).toEqual({ ok: false, error: 'the version "feat//x" has an empty, "." or ".." part' });
    expect(reportUrl(target({ version: '' }))).toEqual({ ok: false, error: 'the version "" has an empty, "." or ".." part' });
    expect(reportUrl(target({ project: 'github.com/../x' }))).toEqual({ ok: false, error: 'the project "github.com/../x" has an empty, "." or ".." part' });
    expect(reportUrl(target({ project: './a' }))).toEqual({ ok: false, error: 'the project "./a" has an empty, "." or ".." part' });
    expect(realTimeUrl(target({ baseUrl: 'ftp://x' }))).toEqual({ ok: false, error: '"ftp://x" is not an http or https URL' });
  });

  it('keeps a base path prefix of a self-hosted server', () => {
    expect(reportUrl(target({ baseUrl: 'http://127.0.0.1:8080/stryker//' }))).toEqual({ ok: true, value: 'http://127.0.0.1:8080/stryker/api/reports/github.com/acme/shop/main' });
  });
});

describe('normaliseBaseUrl', () => {
  it('accepts http and https and drops trailing slashes', () => {
    expect(normaliseBaseUrl(' https://dashboard.stryker-mutator.io/ ')).toEqual({ ok: true, value: 'https://dashboard.stryker-mutator.io' });
    expect(normaliseBaseUrl('HTTP://Example.COM:80/a/')).toEqual({ ok: true, value: 'http://example.com/a' });
  });

  it('refuses what is not a plain http(s) base', () => {
    expect(normaliseBaseUrl('dashboard')).toEqual({ ok: false, error: '"dashboard" is not a URL' });
    expect(normaliseBaseUrl('file:///etc')).toEqual({ ok: false, error: '"file:///etc" is not an http or https URL' });
    expect(normaliseBaseUrl('https://u:p@x.io')).toEqual({ ok: false, error: '"https://u:p@x.io" must not hold a user name or password' });
    expect(normaliseBaseUrl('https://u@x.io')).toEqual({ ok: false, error: '"https://u@x.io" must not hold a user name or password' });
    expect(normaliseBaseUrl('https://:p@x.io')).toEqual({ ok: false, error: '"https://:p@x.io" must not hold a user name or password' });
    expect(normaliseBaseUrl('https://x.io/?a=1')).toEqual({ ok: false, error: '"https://x.io/?a=1" must not hold a query or a fragment' });
    expect(normaliseBaseUrl('https://x.io/#a')).toEqual({ ok: false, error: '"https://x.io/#a" must not hold a query or a fragment' });
  });
});
