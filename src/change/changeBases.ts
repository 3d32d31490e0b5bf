import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaseIndex } from '../core/change/baseMatch';
import { mergeBaseReportSource, readBaseReport, savedBaselineSource, type BaseReportSource } from '../core/change/baseReports';
import { dashboardBaseReportSource, dashboardVersionOfBase } from '../core/dashboard/baseSource';
import { ReportCache } from '../core/dashboard/cache';
import { findRepoRoot } from '../core/git/gitCli';
import { isInside } from '../core/mutation/report/resolveKeys';
import type { FolderChanges } from '../coverage/changedLinesService';
import { DASHBOARD_TIMEOUT_MS } from '../dashboard/dashboardSource';
import { readDashboardSettings, type Settings } from '../shared/config';
import type { Log } from '../shared/log';
import type { Result } from '../core/shared/types';

/** A base report that was read: its files by key, and what to call it. */
export interface LoadedBase {
  readonly index: BaseIndex;
  readonly label: string;
  readonly detail: string;
}

/**
 * The base report of each mutation report, read once per report path (saved baseline first,
 * then the report committed at the merge base, then the Stryker Dashboard's report of the base
 * branch) and again when the bases, a baseline or the Dashboard settings change.
 * In an untrusted workspace git is never run, and the Dashboard is asked only when its base URL
 * is in the user's settings.
 */
export class ChangeBases implements vscode.Disposable {
  private readonly bases = new Map<string, LoadedBase | undefined>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly said = new Set<string>();
  private signature = '';

  constructor(
    private readonly storageDir: string | undefined,
    /** `<global storage>/dashboard`: the Dashboard reports' cache (shared with the Dashboard source). */
    private readonly dashboardCacheDir: string | undefined,
    private readonly settings: () => Settings,
    private readonly folders: () => readonly FolderChanges[],
    /** The resolved git program (mutantLens.gitPath may be '': automatic). */
    private readonly gitPath: () => Promise<string | undefined>,
    private readonly log: Log,
    /** Parses, validates and indexes a base report's text off the extension host's thread (the report worker). */
    private readonly parse: (text: string, format: 'json' | 'html') => Promise<Result<BaseIndex, string>>,
  ) {}

  /** The loaded base of a report; starts reading it when not asked yet. */
  baseOf(reportPath: string): LoadedBase | undefined {
    if (!this.bases.has(reportPath) && !this.loading.has(reportPath)) {
      const load = this.load(reportPath)
        .catch((error: unknown) => {
          // Whatever went wrong, the report has no base (said once) and is not read again until the bases change.
          this.sayOnce(`No base report for ${reportPath}: ${String(error)}`);
          this.bases.set(reportPath, undefined);
        })
        .finally(() => this.loading.delete(reportPath));
      this.loading.set(reportPath, load);
    }
    return this.bases.get(reportPath);
  }

  /** Forgets every base when the diff bases changed (a new base, another merge base). */
  foldersChanged(): void {
    const signature = this.folders().map((f) => `${f.folder}=${f.base?.base ?? ''}`).join('\n');
    if (signature === this.signature) return;
    this.signature = signature;
    this.forget();
  }

  forget(reportPath?: string): void {
    if (reportPath === undefined) this.bases.clear();
    else this.bases.delete(reportPath);
    this.emitter.fire();
  }

  /** Whether a base report is being read. */
  reading(): boolean {
    return this.loading.size > 0;
  }

  async settled(): Promise<void> {
    while (this.loading.size > 0) await Promise.all([...this.loading.values()]);
  }

  private async load(reportPath: string): Promise<void> {
    const { base, problems } = await readBaseReport(await this.sources(reportPath), reportPath);
    for (const problem of problems) this.sayOnce(`No base report for ${reportPath}: ${problem}`);
    let loaded: LoadedBase | undefined;
    if (base !== undefined) {
      const parsed = await this.parse(base.text, reportPath.endsWith('.html') ? 'html' : 'json');
      if (parsed.ok) {
        loaded = { index: parsed.value, label: base.label, detail: base.detail };
        this.log.info(`Base report of ${reportPath}: ${base.detail}`);
      } else this.sayOnce(`The base report of ${reportPath} (${base.detail}) ${parsed.error}`);
    }
    this.bases.set(reportPath, loaded);
    this.emitter.fire();
  }

  private async sources(reportPath: string): Promise<BaseReportSource[]> {
    const settings = this.settings();
    const maxBytes = settings.maxReportSizeMB * 1024 * 1024;
    const sources: BaseReportSource[] = [];
    if (this.storageDir !== undefined) sources.push(savedBaselineSource(this.storageDir, maxBytes));
    const folder = this.folders().find((f) => isInside(f.folder, reportPath) && f.base !== undefined);
    const gitPath = vscode.workspace.isTrusted && folder?.base !== undefined ? await this.gitPath() : undefined;
    if (gitPath !== undefined && folder?.base !== undefined) {
      const root = await findRepoRoot({ gitPath, cwd: path.dirname(reportPath), timeoutMs: 30_000 });
      if (root.ok) sources.push(mergeBaseReportSource({ gitPath, repoRoot: root.value, timeoutMs: 30_000, maxStdoutBytes: maxBytes }, folder.base.base));
    }
    const base = folder?.base?.base ?? (settings.diffBase === '' ? undefined : settings.diffBase);
    const dashboard = base === undefined ? undefined : this.dashboardSource(reportPath, base, maxBytes);
    if (dashboard !== undefined) sources.push(dashboard);
    return sources;
  }

  /**
   * The Dashboard's report of the base branch (`origin/main` is asked as `main`), for a report in
   * a workspace folder whose `mutantLens.dashboard.project` is set (nothing is requested before).
   */
  private dashboardSource(reportPath: string, base: string, maxBytes: number): BaseReportSource | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(reportPath));
    if (this.dashboardCacheDir === undefined || folder === undefined) return undefined;
    const dashboard = readDashboardSettings(folder.uri);
    if (dashboard.project === '' || (!vscode.workspace.isTrusted && !dashboard.baseUrlFromUser)) return undefined;
    const request = { baseUrl: dashboard.baseUrl, project: dashboard.project, module: dashboard.module === '' ? undefined : dashboard.module };
    const deps = { fetch: globalThis.fetch, cache: new ReportCache(this.dashboardCacheDir), now: Date.now, timeoutMs: DASHBOARD_TIMEOUT_MS, maxBytes };
    return dashboardBaseReportSource({ branch: dashboardVersionOfBase(base), label: base, requestFor: () => request, deps });
  }

  private sayOnce(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.log.warn(message);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
