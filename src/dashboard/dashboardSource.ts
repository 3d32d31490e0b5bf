import * as vscode from 'vscode';
import { ReportCache } from '../core/dashboard/cache';
import { openEventStream } from '../core/dashboard/http';
import { LiveReport, parseMutantTested } from '../core/dashboard/live';
import { describeProblem, fetchDashboardReport, loadCachedReport, type DashboardDeps, type DashboardProblem, type DashboardReport } from '../core/dashboard/source';
import { readEvents } from '../core/dashboard/stream';
import { realTimeUrl, reportUrl, type DashboardTarget } from '../core/dashboard/url';
import type { ReportCandidate, RemoteOrigin } from '../core/mutation/report/discovery';
import { indexReport } from '../core/mutation/report/load';
import type { Log } from '../shared/log';
import type { ReportService } from '../mutation/reports';

/** How long a request may take, body included (the event stream has none: see openEventStream). */
export const DASHBOARD_TIMEOUT_MS = 30_000;
/**
 * Results of a running CI job arriving within this time are shown together: each batch indexes the
 * run's report again (key resolution included), so not more often than this.
 */
const LIVE_BATCH_MS = 1000;

export interface DashboardHost {
  readonly log: Log;
  readonly reports: ReportService;
  /** The extension's global storage: the last good report of each URL, shown offline. */
  readonly cacheDir: string;
  readonly maxBytes: () => number;
}

/**
 * The Dashboard report of one workspace folder, shown as one more report in the model (keyed by
 * its URL): the cached copy at once, then the fetched one; while a CI run is in progress, its
 * real-time report with each tested mutant's result, until `finished` brings the final report.
 * A failure keeps the last good report and is said once (log and status bar).
 */
export class FolderDashboard implements vscode.Disposable {
  private shownUrl: string | undefined;
  private work: AbortController | undefined;
  private liveTimer: NodeJS.Timeout | undefined;
  private readonly cache: ReportCache;

  constructor(
    private readonly folder: string,
    private readonly host: DashboardHost,
  ) {
    this.cache = new ReportCache(host.cacheDir);
  }

  /** The URL of the report this folder shows, if any. */
  get url(): string | undefined {
    return this.shownUrl;
  }

  /** Fetches the target's report (conditionally), then follows a CI run in progress. Cancels the previous refresh. */
  async refresh(target: DashboardTarget): Promise<void> {
    this.stop();
    const work = new AbortController();
    this.work = work;
    const url = reportUrl(target);
    if (!url.ok) return this.fail(undefined, { kind: 'config', reason: url.error });
    if (this.shownUrl !== undefined && this.shownUrl !== url.value) this.host.reports.removeRemote(this.shownUrl);
    this.shownUrl = url.value;
    if (this.host.reports.store.get(url.value)?.report === undefined) {
      const cached = await loadCachedReport(target, { cache: this.cache, maxBytes: this.host.maxBytes() });
      if (cached !== undefined && !work.signal.aborted) await this.show(url.value, cached, cached.from, true);
    }
    const fetched = await fetchDashboardReport(target, this.deps(work.signal));
    if (work.signal.aborted) return;
    if (!fetched.ok) return this.fail(url.value, fetched.error);
    await this.show(url.value, fetched.value, fetched.value.from, true);
    void this.followRun(url.value, target, work.signal);
  }

  /** Takes the folder's report away (no target any more). */
  clear(): void {
    this.stop();
    if (this.shownUrl !== undefined) this.host.reports.removeRemote(this.shownUrl);
    this.shownUrl = undefined;
  }

  private deps(signal: AbortSignal): DashboardDeps {
    return { fetch: globalThis.fetch, cache: this.cache, now: Date.now, timeoutMs: DASHBOARD_TIMEOUT_MS, maxBytes: this.host.maxBytes(), signal };
  }

  private candidate(url: string, origin: RemoteOrigin): ReportCandidate {
    return { path: url, format: 'json', tool: 'unknown', packageDir: this.folder, group: url, rank: '0', origin };
  }

  private async show(url: string, fetched: DashboardReport, from: RemoteOrigin['from'], announce: boolean): Promise<void> {
    const candidate = this.candidate(url, { kind: 'dashboard', url: fetched.url, fetchedAt: fetched.fetchedAt, from });
    const loaded = await indexReport(fetched.report, candidate, this.host.reports.environment());
    this.host.reports.showRemote(candidate, loaded, announce);
  }

  private fail(url: string | undefined, problem: DashboardProblem): void {
    if (problem.kind === 'cancelled') return;
    if (url === undefined) {
      this.host.log.warn(describeProblem(problem));
      return;
    }
    const before = this.host.reports.store.get(url)?.candidate;
    this.host.reports.remoteFailed(before ?? this.candidate(url, { kind: 'dashboard', url, fetchedAt: undefined, from: 'network' }), problem.reason);
  }

  /** While the Dashboard has a real-time report for the target (a CI run in progress), shows its results as they come. */
  private async followRun(url: string, target: DashboardTarget, signal: AbortSignal): Promise<void> {
    const eventsUrl = realTimeUrl(target);
    if (!eventsUrl.ok) return;
    const ended = new AbortController();
    const streamSignal = AbortSignal.any([signal, ended.signal]);
    const stream = await openEventStream(eventsUrl.value, { fetch: globalThis.fetch, signal: streamSignal });
    if (!stream.ok || stream.value.body === null) {
      if (stream.ok || (stream.error.status !== 404 && stream.error.kind !== 'cancelled')) this.host.log.info(`No real-time results from ${eventsUrl.value}: ${stream.ok ? 'no body' : stream.error.message}`);
      return;
    }
    const pending = await fetchDashboardReport(target, this.deps(streamSignal), true);
    if (!pending.ok) {
      ended.abort();
      if (pending.error.kind !== 'cancelled') this.host.log.warn(`${describeProblem(pending.error)} The CI run in progress is not shown.`);
      return;
    }
    const live = new LiveReport(pending.value.report);
    const showLive = (): Promise<void> => this.show(url, { ...pending.value, fetchedAt: Date.now() }, 'live', false);
    await showLive();
    this.host.log.info(`A CI run is in progress for ${url}: its results are shown as mutants are tested`);
    let finished = false;
    let said = false;
    const how = await readEvents(
      stream.value.body,
      (event) => {
        if (event.event === 'finished') {
          finished = true;
          ended.abort();
          return;
        }
        if (event.event !== 'mutant-tested') return;
        const tested = parseMutantTested(event.data);
        if (tested.ok) {
          if (live.apply(tested.value) !== undefined) this.liveTimer ??= setTimeout(() => ((this.liveTimer = undefined), void showLive()), LIVE_BATCH_MS);
        } else if (!said) {
          said = true;
          this.host.log.warn(`A mutant-tested event from ${eventsUrl.value} ${tested.error}; such events are ignored`);
        }
      },
      streamSignal,
      this.host.maxBytes(),
    );
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
    if (signal.aborted) return;
    if (!finished) {
      this.host.log.info(`The real-time stream of ${url} ${how === 'failed' ? 'failed' : 'closed'} before the run finished; its results so far stay shown until the next refresh`);
      await showLive();
      return;
    }
    this.host.log.info(`The CI run for ${url} finished; loading its report`);
    const final = await fetchDashboardReport(target, this.deps(signal));
    if (signal.aborted) return;
    if (final.ok) await this.show(url, final.value, final.value.from, true);
    else this.fail(url, final.error);
  }

  private stop(): void {
    this.work?.abort();
    this.work = undefined;
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
  }

  dispose(): void {
    this.stop();
  }
}
