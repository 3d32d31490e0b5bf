import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import * as vscode from 'vscode';
import { matchesAnyGlob } from '../core/shared/glob';

const NEVER_SEARCHED = new Set(['node_modules', '.git', '.stryker-tmp']);

/**
 * Watches workspace folders with chokidar and reports, debounced, the files that changed and
 * match the given globs. node_modules, .git and .stryker-tmp are never watched.
 */
export class FileWatcher implements vscode.Disposable {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly globs: () => readonly string[],
    private readonly onChanged: (files: readonly string[]) => void,
    private readonly debounceMs = 150,
  ) {}

  /** Watches exactly these folders: new ones are added, removed ones closed. */
  setFolders(folders: readonly string[]): void {
    for (const [folder, watcher] of this.watchers) {
      if (!folders.includes(folder)) {
        void watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of folders) if (!this.watchers.has(folder)) this.watchers.set(folder, this.watchFolder(folder));
  }

  private watchFolder(folder: string): FSWatcher {
    const watcher = watch(folder, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (file: string) => NEVER_SEARCHED.has(path.basename(file)),
    });
    const noticed = (file: string): void => {
      if (matchesAnyGlob(path.relative(folder, file), this.globs())) this.schedule(file);
    };
    watcher.on('add', noticed).on('change', noticed).on('unlink', noticed);
    watcher.on('error', () => undefined);
    return watcher;
  }

  private schedule(file: string): void {
    this.pending.add(file);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const files = [...this.pending];
      this.pending.clear();
      this.onChanged(files);
    }, this.debounceMs);
  }

  /** Resolves once no change is waiting for its debounce. */
  async idle(): Promise<void> {
    while (this.timer !== undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) void watcher.close();
    this.watchers.clear();
  }
}
