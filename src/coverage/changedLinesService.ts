import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import type { BaseChoice, ChangedLines } from '../core/git/changedLines';
import { changedLinesSince, findRepoRoot } from '../core/git/gitCli';
import { isInside } from '../core/mutation/report/resolveKeys';
import { SayOnce } from '../core/shared/sayOnce';
import type { Log } from '../shared/log';
import { Pending } from '../shared/pending';

const DEBOUNCE_MS = 300;

export interface FolderChanges {
  readonly folder: string;
  readonly base: BaseChoice | undefined;
  /** Why changed lines are unknown here (no git, not a repository, no base); undefined when fine. */
  readonly problem: string | undefined;
}

/**
 * Lines changed against the diff base in every workspace folder, recomputed (debounced) on save
 * and when git's HEAD, index or branches change. A git problem is said once and leaves the rest
 * of the extension working.
 */
export class ChangedLinesService implements vscode.Disposable {
  private changed: ChangedLines = new Map();
  private folders: FolderChanges[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly pending = new Pending();
  private readonly gitWatchers = new Map<string, FSWatcher>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly said = new SayOnce();

  constructor(
    private readonly log: Log,
    private readonly settings: () => Settings,
  ) {
    this.subscriptions.push(vscode.workspace.onDidSaveTextDocument(() => this.schedule()));
  }

  start(): Promise<void> {
    return this.pending.track(this.compute());
  }

  schedule(): void {
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

  linesOf(file: string): ReturnType<ChangedLines['get']> {
    return this.changed.get(file);
  }

  all(): ChangedLines {
    return this.changed;
  }

  folderStates(): readonly FolderChanges[] {
    return this.folders;
  }

  private async compute(): Promise<void> {
    const settings = this.settings();
    const all = new Map<string, NonNullable<ReturnType<ChangedLines['get']>>>();
    const states: FolderChanges[] = [];
    for (const folder of (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)) {
      const context = { gitPath: settings.gitPath, cwd: folder, timeoutMs: 30_000 };
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
      await this.watchGit(context);
    }
    this.changed = all;
    this.folders = states;
    this.emitter.fire();
  }

  private async watchGit(context: { gitPath: string; cwd: string }): Promise<void> {
    const root = await findRepoRoot(context);
    if (!root.ok || this.gitWatchers.has(root.value)) return;
    const git = path.join(root.value, '.git');
    const watcher = watch([path.join(git, 'HEAD'), path.join(git, 'index'), path.join(git, 'refs', 'heads')], { ignoreInitial: true, depth: 3 });
    watcher.on('all', () => this.schedule()).on('error', () => undefined);
    this.gitWatchers.set(root.value, watcher);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watcher of this.gitWatchers.values()) void watcher.close();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}
