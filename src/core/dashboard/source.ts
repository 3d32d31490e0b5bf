import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { parseReportText } from '../mutation/report/parse';
import { err, ok, type Result } from '../shared/types';
import type { ReportCache } from './cache';
import { getReportBody, type HttpOptions } from './http';
import { reportUrl, type DashboardTarget } from './url';

/** A validated report from a Dashboard, plain data. */
export interface DashboardReport {
  readonly url: string;
  readonly report: MutationTestResult;
  /** When the server last sent or confirmed it, ms since the epoch. */
  readonly fetchedAt: number;
  /** `network`: sent now; `not-modified`: the server confirmed the cached copy (304); `cache`: read from the cache only. */
  readonly from: 'network' | 'not-modified' | 'cache';
}

export interface DashboardProblem {
  /** `config`: the target is not valid (nothing was requested). */
  readonly kind: 'config' | 'http' | 'timeout' | 'cancelled' | 'network' | 'too-large' | 'invalid';
  readonly status?: number;
  /** The report URL, when there is one. */
  readonly url?: string;
  /** What is wrong, as the end of "The Dashboard report at <url> …" (`describeProblem` makes the sentence). */
  readonly reason: string;
}

/** One sentence for the log and the status bar. */
export function describeProblem(problem: DashboardProblem): string {
  return problem.url === undefined ? `The Dashboard report cannot be requested: ${problem.reason}.` : `The Dashboard report at ${problem.url} ${problem.reason}.`;
}

export interface DashboardDeps extends HttpOptions {
  readonly cache: ReportCache;
  readonly now: () => number;
}

/** The last good report of a target from the cache (to show at once, and offline). */
export async function loadCachedReport(target: DashboardTarget, deps: Pick<DashboardDeps, 'cache' | 'maxBytes'>, realTime = false): Promise<DashboardReport | undefined> {
  const url = reportUrl(target, realTime);
  if (!url.ok) return undefined;
  const cached = await deps.cache.read(url.value, deps.maxBytes);
  if (cached === undefined) return undefined;
  const parsed = parseReportText(cached.text, 'json');
  return parsed.ok ? { url: url.value, report: parsed.value, fetchedAt: cached.meta.fetchedAt, from: 'cache' } : undefined;
}

/**
 * Fetches a target's report: conditionally when the cache holds one with an ETag (a 304 reuses
 * the cached body), validated with the same parser and schema as a report on disk, and cached
 * when good. Never throws; a failure never touches the cache.
 */
export async function fetchDashboardReport(target: DashboardTarget, deps: DashboardDeps, realTime = false): Promise<Result<DashboardReport, DashboardProblem>> {
  const url = reportUrl(target, realTime);
  if (!url.ok) return err({ kind: 'config', reason: url.error });
  const cached = await deps.cache.read(url.value, deps.maxBytes);
  const answer = await getReportBody(url.value, cached?.meta, deps);
  if (!answer.ok) return err({ kind: answer.error.kind, ...(answer.error.status === undefined ? {} : { status: answer.error.status }), url: url.value, reason: answer.error.message });
  const text = answer.value.kind === 'body' ? answer.value.text : (cached?.text ?? '');
  const parsed = parseReportText(text, 'json');
  if (!parsed.ok) return err({ kind: 'invalid', url: url.value, reason: parsed.error.message });
  const fetchedAt = deps.now();
  const etag = answer.value.kind === 'body' ? answer.value.etag : cached?.meta.etag;
  await deps.cache.write({ url: url.value, etag, fetchedAt }, answer.value.kind === 'body' ? text : undefined).catch(() => undefined);
  return ok({ url: url.value, report: parsed.value, fetchedAt, from: answer.value.kind === 'body' ? 'network' : 'not-modified' });
}

export interface BaseReportRequest {
  readonly baseUrl: string;
  readonly project: string;
  readonly module: string | undefined;
}

/**
 * The report of a base branch, for "new survivors since the base": fetched (conditionally) when
 * the server answers, else the cached copy with `problem` saying why it could not be refreshed.
 * An error only when there is neither.
 */
export async function fetchBaseReport(
  branch: string,
  request: BaseReportRequest,
  deps: DashboardDeps,
): Promise<Result<DashboardReport & { readonly problem?: DashboardProblem }, DashboardProblem>> {
  const target: DashboardTarget = { ...request, version: branch };
  const fetched = await fetchDashboardReport(target, deps);
  if (fetched.ok || fetched.error.kind === 'config' || fetched.error.kind === 'cancelled') return fetched;
  const cached = await loadCachedReport(target, deps);
  return cached === undefined ? fetched : ok({ ...cached, problem: fetched.error });
}
