import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import type { BaseChoice, ChangedLines } from '../core/git/changedLines';
import { changedLinesSince } from '../core/git/gitCli';
import { isInside } from '../core/mutation/report/resolveKeys';
import { SayOnce } from '../core/shared/sayOnce';
import type { Log } from '../shared/log';
import { nextTurn, Pending } from '../shared/pending';
import { gitExtensionApi, type GitApi } from './gitExtension';
import { GitProgram } from './gitProgram';
import { watchRepository, type RepositoryWatch } from './repositoryWatch';

const DEBOUNCE_MS = 300;

export interface FolderChanges {
  readonly folder: string;
  readonly base: BaseChoice | undefined;
  /** Why changed lines are unknown here (no git, not a repository, no base); undefined when fine. */
  readonly problem: string | undefined;
}

/** What the status bar and the hover say while the workspace is not trusted. */
export const RESTRICTED_STATUS = '$(shield) Δ changed lines off in Restricted Mode';
export const RESTRICTED_REASON =
  'Changed lines are off in Restricted Mode: Mutant Lens runs no git in an untrusted workspace (git can run programs named in the repository). Trust the workspace to see them.';

/**
 * Lines changed against the diff base, per workspace folder that holds a coverage file (or whose
 * changed lines a command asked for), recomputed (debounced) on save and when the repository
 * changes. Nothing runs and nothing watches `.git` while the workspace is untrusted, nor in a
 * folder without coverage. A git problem is said once and leaves the rest of the extension working.
 */
export class ChangedLinesService implements vscode.Disposable {
  private changed: ChangedLines = new Map();
  private folders: FolderChanges[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly pending = new Pending();
  private computed = false;
  private readonly watches = new Map<string, RepositoryWatch>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly asked = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly said = new SayOnce();
  private gitApi: Promise<GitApi | undefined> | undefined;
  readonly git: GitProgram;

  constructor(
    private readonly log: Log,
    private readonly settings: () => Settings,
    /** Workspace folders that hold at least one coverage file. */
    private readonly foldersWithCoverage: () => readonly string[],
  ) {
    this.git = new GitProgram(log, () => this.settings().gitPath, () => this.api());
    this.subscriptions.push(
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
    );
  }

  /** True while no git may run (Restricted Mode). */
  restricted(): boolean {
    return !vscode.workspace.isTrusted;
  }

  /** Computes on the next turn (the first time, after activate() has returned). */
  start(): Promise<void> {
    return this.pending.track(nextTurn().then(() => this.compute())).finally(() => (this.computed = true));
  }

  /** True until the changed lines have been computed once (never in Restricted Mode, where no git runs). */
  reading(): boolean {
    return !this.computed && !this.restricted();
  }

  schedule(): void {
    if (this.restricted()) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pending.track(this.compute());
    }, DEBOUNCE_MS);
  }

  async settled(): Promise<void> {
    while (this.timer !== undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    await this.pending.idle();
  }

  /** Changed lines of a file, computing them first when its folder holds no coverage (a command asked). */
  async linesOfOnDemand(file: string): Promise<ReturnType<ChangedLines['get']>> {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
    if (folder === undefined || this.restricted()) return undefined;
    if (!this.asked.has(folder) && !this.foldersWithCoverage().includes(folder)) {
      this.asked.add(folder);
      await this.pending.track(this.compute());
    }
    await this.settled();
    return this.changed.get(file);
  }

  linesOf(file: string): ReturnType<ChangedLines['get']> {
    return this.changed.get(file);
  }

  all(): ChangedLines {
    return this.changed;
  }

  folderStates(): readonly FolderChanges[] {
    return this.folders;
  }

  private api(): Promise<GitApi | undefined> {
    this.gitApi ??= gitExtensionApi((problem) => this.log.info(problem));
    return this.gitApi;
  }

  private wanted(): string[] {
    const open = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const withCoverage = this.foldersWithCoverage();
    return open.filter((folder) => withCoverage.includes(folder) || this.asked.has(folder));
  }

  private async compute(): Promise<void> {
    if (this.restricted()) return;
    const settings = this.settings();
    const wanted = this.wanted();
    this.unwatchAllBut(wanted);
    const all = new Map<string, NonNullable<ReturnType<ChangedLines['get']>>>();
    const states: FolderChanges[] = [];
    const git = wanted.length === 0 ? undefined : await this.git.path();
    for (const folder of wanted) {
      if (git === undefined || !('path' in git)) {
        states.push({ folder, base: undefined, problem: git?.problem });
        continue;
      }
      const context = { gitPath: git.path, cwd: folder, timeoutMs: 30_000 };
      const result = await changedLinesSince(context, settings.diffBase === '' ? undefined : settings.diffBase);
      if (!result.ok) {
        states.push({ folder, base: undefined, problem: result.error.message });
        const message = `Changed lines of ${folder} are unknown: ${result.error.message}`;
        if (this.said.first(folder, message)) this.log.warn(message);
        continue;
      }
      this.said.forget(folder);
      states.push({ folder, base: result.value.base, problem: undefined });
      for (const [file, lines] of result.value.changed) if (isInside(folder, file)) all.set(file, lines);
      // Not awaited: the git extension may take a moment to open the repository.
      void this.watch(folder, context).catch((error: unknown) => this.log.warn(`Repository changes of ${folder} are not followed: ${String(error)}`));
    }
    this.changed = all;
    this.folders = states;
    this.emitter.fire();
  }

  private async watch(folder: string, context: { gitPath: string; cwd: string }): Promise<void> {
    if (this.watches.has(folder)) return;
    const watch = await watchRepository(folder, await this.api(), context, () => this.schedule());
    if (watch === undefined) return;
    if (this.watches.has(folder) || !this.wanted().includes(folder)) {
      watch.dispose();
      return;
    }
    this.watches.set(folder, watch);
    this.log.info(`Following repository changes of ${folder} ${watch.how}`);
  }

  /** Stops following folders that were removed or no longer hold coverage. */
  private unwatchAllBut(folders: readonly string[]): void {
    for (const [folder, watch] of this.watches) {
      if (folders.includes(folder)) continue;
      watch.dispose();
      this.watches.delete(folder);
      this.log.info(`Stopped following repository changes of ${folder}`);
    }
    for (const folder of this.asked) if (!(vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.fsPath === folder)) this.asked.delete(folder);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watch of this.watches.values()) watch.dispose();
    this.watches.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}
