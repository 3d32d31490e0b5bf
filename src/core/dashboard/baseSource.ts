import { err, ok, type Result } from '../shared/types';
import { describeProblem, fetchBaseReport, type BaseReportRequest, type DashboardDeps } from './source';
import { reportUrl } from './url';

/**
 * The Dashboard as a source of base reports for "new survivors since the base" (issue 14). Its
 * shape is that of issue 14's `BaseReportSource` (src/core/change/baseReports.ts on branch
 * `change`): `read(reportPath)` answers the base report's text for a local report, ok(undefined)
 * when the Dashboard has none (404, or no project for that report), or why it failed. Typed here
 * structurally so that it plugs in without either side importing the other.
 */
export interface DashboardBaseText {
  /** For `new since <label>`: the base branch. */
  readonly label: string;
  readonly detail: string;
  readonly text: string;
}

export interface DashboardBaseSource {
  readonly name: string;
  read(reportPath: string): Promise<Result<DashboardBaseText | undefined, string>>;
}

export interface DashboardBaseOptions {
  /** The base branch as the Dashboard names it (a version: `main`, not `origin/main`; see `dashboardVersionOfBase`). */
  readonly branch: string;
  /** For `new since <label>`: the base as the user named it (`origin/main`); default: `branch`. */
  readonly label?: string;
  /** The Dashboard project and module of a local report (by its workspace folder), or undefined. */
  readonly requestFor: (reportPath: string) => BaseReportRequest | undefined;
  readonly deps: DashboardDeps;
}

export function dashboardBaseReportSource(options: DashboardBaseOptions): DashboardBaseSource {
  return {
    name: 'Stryker Dashboard',
    read: async (reportPath) => {
      const request = options.requestFor(reportPath);
      if (request === undefined) return ok(undefined);
      const fetched = await fetchBaseReport(options.branch, request, options.deps);
      if (!fetched.ok) return fetched.error.status === 404 ? ok(undefined) : err(describeProblem(fetched.error));
      // The body exactly as the server sent it (validated), from the cache that fetchBaseReport keeps.
      const url = reportUrl({ ...request, version: options.branch });
      const cached = url.ok ? await options.deps.cache.read(url.value, options.deps.maxBytes) : undefined;
      if (cached === undefined) return err(`the Dashboard report at ${fetched.value.url} could not be kept in the cache`);
      const when = new Date(fetched.value.fetchedAt).toISOString();
      const stale = fetched.value.problem === undefined ? '' : ` (cached copy: ${describeProblem(fetched.value.problem)})`;
      return ok({ label: options.label ?? options.branch, detail: `Dashboard report ${fetched.value.url} fetched ${when}${stale}`, text: cached.text });
    },
  };
}

const REMOTE_PREFIXES = ['refs/remotes/origin/', 'remotes/origin/', 'origin/', 'refs/heads/'];

/**
 * The Dashboard version of a diff base: CI publishes under the branch name, so a remote-tracking
 * name (`origin/main`, `refs/remotes/origin/main`) or a full ref loses its prefix. Only the
 * `origin` remote (the one the project is derived from); a branch with slashes keeps them.
 */
export function dashboardVersionOfBase(base: string): string {
  const prefix = REMOTE_PREFIXES.find((p) => base.startsWith(p) && base.length > p.length);
  return prefix === undefined ? base : base.slice(prefix.length);
}
