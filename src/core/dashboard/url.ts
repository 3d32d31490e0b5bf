import { err, ok, type Result } from '../shared/types';

/**
 * Where a report lives on a Stryker Dashboard or a compatible server. The routes, read in the
 * Dashboard's own source (github.com/stryker-mutator/stryker-dashboard,
 * packages/website-backend/src/controllers/reports.controller.ts and real-time-reports.controller.ts,
 * under the global prefix `/api` of packages/website-backend/src/configure-app.ts):
 *   GET /api/reports/{project}/{version}?module={module}[&realTime=true]  → the report JSON, 404 when none
 *   GET /api/real-time/{project}/{version}?module={module}                → server-sent events
 * The server joins every path segment after the prefix and splits the slug with
 * packages/common/src/slug.ts: the first three segments are the project
 * (`github.com/owner/repo`), the rest is the version, which may contain `/`.
 */
export interface DashboardTarget {
  /** `https://dashboard.stryker-mutator.io`, or a self-hosted server (a path prefix is kept). */
  readonly baseUrl: string;
  /** `github.com/owner/repo`. */
  readonly project: string;
  /** A branch or tag; may contain `/`. */
  readonly version: string;
  /** The module of a monorepo, or undefined. */
  readonly module: string | undefined;
}

/** An http(s) URL without credentials, query or fragment, without trailing slashes. */
export function normaliseBaseUrl(raw: string): Result<string> {
  let url: URL;
  try {
    url = new URL(raw); // the URL parser drops leading and trailing spaces itself
  } catch {
    return err(`"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err(`"${raw}" is not an http or https URL`);
  if (url.username !== '' || url.password !== '') return err(`"${raw}" must not hold a user name or password`);
  if (url.search !== '' || url.hash !== '') return err(`"${raw}" must not hold a query or a fragment`);
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

/** `GET {baseUrl}/api/reports/{project}/{version}?module={module}`; `realTime` asks for the report of a run still going. */
export function reportUrl(target: DashboardTarget, realTime = false): Result<string> {
  return routeUrl('reports', target, realTime);
}

/** `GET {baseUrl}/api/real-time/{project}/{version}?module={module}`: the server-sent events of a running CI job. */
export function realTimeUrl(target: DashboardTarget): Result<string> {
  return routeUrl('real-time', target, false);
}

function routeUrl(route: 'reports' | 'real-time', target: DashboardTarget, realTime: boolean): Result<string> {
  const base = normaliseBaseUrl(target.baseUrl);
  if (!base.ok) return base;
  const project = segments('project', target.project);
  if (!project.ok) return project;
  const version = segments('version', target.version);
  if (!version.ok) return version;
  const query = new URLSearchParams();
  if (target.module !== undefined && target.module !== '') query.set('module', target.module);
  if (realTime) query.set('realTime', 'true');
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  return ok(`${base.value}/api/${route}/${project.value}/${version.value}${search}`);
}

/** Each `/`-separated part escaped on its own, the slashes kept (the server splits on them). */
function segments(what: string, value: string): Result<string> {
  const parts = value.trim().split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return err(`the ${what} "${value}" has an empty, "." or ".." part`);
  return ok(parts.map(encodeURIComponent).join('/'));
}
