import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import * as vscode from 'vscode';
import { findGitFiles } from '../core/dashboard/gitRemote';
import { readDashboardSettings } from '../shared/config';
import type { Log } from '../shared/log';
import { nextTurn } from '../shared/pending';
import type { ReportService } from '../mutation/reports';
import { askTarget, type LoadDashboardArgs } from './dashboardCommand';
import { FolderDashboard } from './dashboardSource';
import { derivedFromGit, targetFor, type ChosenTarget } from './dashboardTargets';

export interface DashboardFeatureDeps {
  readonly log: Log;
  readonly reports: ReportService;
  readonly maxBytes: () => number;
}

/**
 * The Dashboard as a report source: refreshed on start (when a project is configured), on the
 * command, when the branch changes and, if set, on a timer. In an untrusted workspace nothing is
 * fetched unless the base URL is in the user's settings.
 */
export function registerDashboardFeature(context: vscode.ExtensionContext, deps: DashboardFeatureDeps): void {
  const feature = new DashboardFeature(context.globalStorageUri.fsPath, deps);
  context.subscriptions.push(
    feature,
    vscode.commands.registerCommand('mutantLens.loadDashboardReport', (args?: LoadDashboardArgs) => feature.load(args)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mutantLens.dashboard')) void feature.settingsChanged();
      else if (event.affectsConfiguration('mutantLens.maxReportSizeMB')) void feature.refreshAll();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void feature.refreshAll()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void feature.refreshAll()),
  );
  void nextTurn().then(() => feature.refreshAll());
}

class DashboardFeature implements vscode.Disposable {
  private readonly sources = new Map<string, FolderDashboard>();
  private readonly chosen = new Map<string, ChosenTarget>();
  private readonly branches = new Map<string, string | undefined>();
  private readonly headWatchers = new Map<string, FSWatcher>();
  private interval: NodeJS.Timeout | undefined;
  private intervalMinutes = 0;
  private saidUntrusted = false;

  constructor(
    private readonly storage: string,
    private readonly deps: DashboardFeatureDeps,
  ) {}

  /** The command: asks (or takes from `args`) the target, then loads it. */
  async load(args: LoadDashboardArgs | undefined): Promise<void> {
    const asked = await askTarget(args);
    if (asked === undefined) return;
    this.chosen.set(asked.folder.uri.fsPath, asked.chosen);
    await this.refreshFolder(asked.folder, true);
  }

  /** The settings win again over what the command chose. */
  settingsChanged(): Promise<void> {
    this.chosen.clear();
    return this.refreshAll();
  }

  async refreshAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const [folder, source] of this.sources) {
      if (!folders.some((f) => f.uri.fsPath === folder)) {
        source.clear();
        source.dispose();
        this.sources.delete(folder);
      }
    }
    for (const dir of this.headWatchers.keys()) if (!folders.some((f) => f.uri.fsPath === dir)) this.unwatchHead(dir);
    this.resetInterval(folders);
    await Promise.all(folders.map((folder) => this.refreshFolder(folder, false)));
  }

  private async refreshFolder(folder: vscode.WorkspaceFolder, asked: boolean): Promise<void> {
    const settings = readDashboardSettings(folder.uri);
    const dir = folder.uri.fsPath;
    if ((this.chosen.get(dir)?.project ?? settings.project) === '') {
      // No project: nothing to fetch, so git's files are neither read nor watched.
      this.sources.get(dir)?.clear();
      this.unwatchHead(dir);
      return;
    }
    const git = await derivedFromGit(dir);
    this.branches.set(dir, git.branch);
    await this.watchHead(dir);
    const target = targetFor(settings, this.chosen.get(dir), git.branch);
    const source = this.sources.get(dir);
    if (target === undefined) {
      source?.clear();
      if (asked) this.deps.log.warn(`No Dashboard version for ${dir}: HEAD is detached and mutantLens.dashboard.version is empty`);
      return;
    }
    if (!vscode.workspace.isTrusted && !settings.baseUrlFromUser) {
      if (!this.saidUntrusted || asked) this.deps.log.warn('The Dashboard report is not fetched in an untrusted workspace unless mutantLens.dashboard.baseUrl is set in your user settings');
      this.saidUntrusted = true;
      return;
    }
    let dashboard = source;
    if (dashboard === undefined) {
      dashboard = new FolderDashboard(dir, { log: this.deps.log, reports: this.deps.reports, cacheDir: path.join(this.storage, 'dashboard'), maxBytes: this.deps.maxBytes });
      this.sources.set(dir, dashboard);
    }
    await dashboard.refresh(target);
  }

  /** Refreshes a folder when its branch changes (git's HEAD file, watched; no git process). */
  private async watchHead(dir: string): Promise<void> {
    if (this.headWatchers.has(dir)) return;
    const files = await findGitFiles(dir);
    if (files === undefined || this.headWatchers.has(dir)) return;
    const watcher = watch(path.join(files.gitDir, 'HEAD'), { ignoreInitial: true });
    watcher.on('all', () => void this.onHeadChanged(dir));
    this.headWatchers.set(dir, watcher);
  }

  private unwatchHead(dir: string): void {
    void this.headWatchers.get(dir)?.close();
    this.headWatchers.delete(dir);
  }

  private async onHeadChanged(dir: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.fsPath === dir);
    if (folder === undefined) return;
    const { branch } = await derivedFromGit(dir);
    if (branch === this.branches.get(dir)) return;
    this.deps.log.info(`Branch of ${dir} is now ${branch ?? '(detached)'}; refreshing its Dashboard report`);
    await this.refreshFolder(folder, false);
  }

  private resetInterval(folders: readonly vscode.WorkspaceFolder[]): void {
    const minutes = Math.min(...folders.map((folder) => readDashboardSettings(folder.uri).refreshIntervalMinutes).filter((m) => m > 0), Number.POSITIVE_INFINITY);
    const wanted = Number.isFinite(minutes) ? minutes : 0;
    if (wanted === this.intervalMinutes) return;
    clearInterval(this.interval);
    this.interval = undefined;
    this.intervalMinutes = wanted;
    if (wanted > 0) this.interval = setInterval(() => void this.refreshAll(), wanted * 60_000);
  }

  dispose(): void {
    clearInterval(this.interval);
    for (const source of this.sources.values()) source.dispose();
    for (const watcher of this.headWatchers.values()) void watcher.close();
  }
}
