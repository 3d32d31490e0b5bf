import { lstat, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import * as vscode from 'vscode';
import { matchesAnyGlob } from '../core/shared/glob';

const NEVER_SEARCHED = new Set(['node_modules', '.git', '.stryker-tmp']);

/** Created paths, and entries of the folders among them, looked at after one debounce; past that a discovery runs instead. */
const MAX_CHECKED = 200;
const MAX_WALKED = 5_000;

/**
 * Reports, debounced, the files matching the given globs that appeared, changed or went away, in
 * two ways that together scale with the files, not with the folders:
 * - discovery through VS Code's own file watcher (`createFileSystemWatcher`, one per workspace
 *   folder and glob), which the workbench already runs outside the extension host: no OS watch
 *   is opened here for it;
 * - chokidar on exactly the files the owner knows (`watchFiles`), one OS watch each, never on a
 *   folder: it follows a report rewritten in place or replaced by a rename.
 * VS Code's watcher reports a folder that appears with its content already in it (`mkdir -p` and a
 * write right after, a copy, a move) as that folder alone, and a folder that goes as that folder
 * alone: so a folder that appears is looked into (bounded) for files of the globs, and when it
 * holds one the owner is asked to discover again (`onFoldersAppeared`; past the bound, without
 * looking); a folder that goes is told as the followed files it held.
 * Paths inside node_modules, .git and .stryker-tmp are ignored. Nothing is watched before
 * `setFolders` is called.
 */
export class FileWatcher implements vscode.Disposable {
  private readonly discovery = new Map<string, vscode.Disposable>();
  private files: FSWatcher | undefined;
  private readonly watched = new Set<string>();
  private readonly pending = new Set<string>();
  /** Created paths → their workspace folder. */
  private readonly created = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private folders: readonly string[] = [];

  constructor(
    private readonly globs: () => readonly string[],
    private readonly onChanged: (files: readonly string[]) => void,
    /** A folder appeared that may hold files of the globs (created, copied or moved in). */
    private readonly onFoldersAppeared: () => void,
    private readonly debounceMs = 150,
  ) {}

  /** Discovers in exactly these folders with the current globs: watchers no longer wanted are disposed, new ones made. */
  setFolders(folders: readonly string[]): void {
    this.folders = [...folders];
    const wanted = new Map<string, { folder: string; glob: string | undefined }>();
    for (const folder of this.folders) {
      wanted.set(`${folder}\0`, { folder, glob: undefined });
      for (const glob of this.globs()) wanted.set(`${folder}\0${glob}`, { folder, glob });
    }
    for (const [key, watcher] of this.discovery) {
      if (wanted.has(key)) continue;
      watcher.dispose();
      this.discovery.delete(key);
    }
    for (const [key, { folder, glob }] of wanted) if (!this.discovery.has(key)) this.discovery.set(key, glob === undefined ? this.folderEvents(folder) : this.discover(folder, glob));
  }

  /** The globs changed: the discovery watchers are made again for them. */
  globsChanged(): void {
    this.setFolders(this.folders);
  }

  private discover(folder: string, glob: string): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), glob));
    const noticed = (uri: vscode.Uri): void => {
      if (uri.scheme === 'file' && !ignored(path.relative(folder, uri.fsPath))) this.schedule(uri.fsPath);
    };
    return vscode.Disposable.from(watcher, watcher.onDidCreate(noticed), watcher.onDidChange(noticed), watcher.onDidDelete(noticed));
  }

  /** Every path created or deleted in the folder: a new folder may hold files of the globs, a deleted one may have held followed files. */
  private folderEvents(folder: string): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**'), false, true, false);
    const created = (uri: vscode.Uri): void => {
      if (uri.scheme !== 'file' || ignored(path.relative(folder, uri.fsPath))) return;
      this.created.set(uri.fsPath, folder);
      this.restartTimer();
    };
    const deleted = (uri: vscode.Uri): void => {
      const inside = uri.fsPath + path.sep;
      for (const file of this.watched) if (file.startsWith(inside)) this.schedule(file);
    };
    return vscode.Disposable.from(watcher, watcher.onDidCreate(created), watcher.onDidDelete(deleted));
  }

  /** Follows exactly these files with chokidar (one OS watch each): new ones are added, the others closed. */
  watchFiles(files: readonly string[]): void {
    const wanted = new Set(files);
    const gone = [...this.watched].filter((file) => !wanted.has(file));
    const fresh = [...wanted].filter((file) => !this.watched.has(file));
    if (gone.length > 0) void this.files?.unwatch(gone);
    for (const file of gone) this.watched.delete(file);
    if (fresh.length === 0) return;
    this.files ??= this.fileWatcher();
    for (const file of fresh) this.watched.add(file);
    this.files.add(fresh);
  }

  private fileWatcher(): FSWatcher {
    // depth 0: a file that went away between its load and this call makes chokidar wait for it in
    // its folder, never below it.
    const watcher = watch([], { ignoreInitial: true, followSymlinks: false, depth: 0 });
    const noticed = (file: string): void => {
      if (this.watched.has(file)) this.schedule(file);
    };
    // A file that went is no longer followed (the next watchFiles naming it follows it again), and
    // chokidar is made again for the others: when its only file goes, chokidar would otherwise wait
    // for its return in the nearest folder that still exists.
    const gone = (file: string): void => {
      noticed(file);
      this.watched.delete(file);
      if (this.files !== watcher) return;
      void watcher.close();
      this.files = undefined;
      const rest = [...this.watched];
      this.watched.clear();
      this.watchFiles(rest);
    };
    watcher.on('add', noticed).on('change', noticed).on('unlink', gone);
    watcher.on('error', () => undefined);
    return watcher;
  }

  private schedule(file: string): void {
    this.pending.add(file);
    this.restartTimer();
  }

  private restartTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const files = [...this.pending];
      this.pending.clear();
      if (files.length > 0) this.onChanged(files);
      const created = [...this.created];
      this.created.clear();
      if (created.length > 0) this.checking = this.checkFolders(created).finally(() => (this.checking = undefined));
    }, this.debounceMs);
  }

  /**
   * Looks into the created folders for files of the globs and asks for a discovery when one is new
   * to it; when there are too many paths to look at, asks for one without looking.
   */
  private async checkFolders(created: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (created.length > MAX_CHECKED) return this.onFoldersAppeared();
    const found: string[] = [];
    const budget = { left: MAX_WALKED };
    for (const [file, folder] of created) {
      const stat = await lstat(file).catch(() => undefined);
      if (stat?.isDirectory() === true && !(await this.walk(file, folder, found, budget))) return this.onFoldersAppeared();
    }
    // A discovery, not a change: a file the owner already knows (loading, not yet followed) is not read again.
    if (found.some((file) => !this.watched.has(file))) this.onFoldersAppeared();
  }

  /** Collects the files under `dir` that match a glob (relative to `folder`); false when the budget ran out. */
  private async walk(dir: string, folder: string, found: string[], budget: { left: number }): Promise<boolean> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    budget.left -= entries.length;
    if (budget.left < 0) return false;
    for (const entry of entries) {
      if (NEVER_SEARCHED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !(await this.walk(full, folder, found, budget))) return false;
      if (entry.isFile() && matchesAnyGlob(path.relative(folder, full), this.globs())) found.push(full);
    }
    return true;
  }

  /** Resolves once no change is waiting for its debounce. */
  async idle(): Promise<void> {
    while (this.timer !== undefined || this.checking !== undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watcher of this.discovery.values()) watcher.dispose();
    this.discovery.clear();
    this.created.clear();
    void this.files?.close();
    this.files = undefined;
    this.watched.clear();
  }
}

/** True for a path (relative to its workspace folder) inside node_modules, .git or .stryker-tmp. */
function ignored(relative: string): boolean {
  return relative.split(/[\\/]/).some((segment) => NEVER_SEARCHED.has(segment));
}
