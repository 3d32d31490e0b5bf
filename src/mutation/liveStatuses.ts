import * as vscode from 'vscode';
import type { LiveResult } from '../core/rerun/liveResults';
import type { MutantStatus } from '../core/shared/types';
import type { RunEvent } from '../rerun/runEvents';

/** How long after a rerun's last result its statuses wait for the new report before they go. */
const KEEP_AFTER_RUN_MS = 10_000;
/** Results arriving within this time are shown together. */
const BATCH_MS = 100;

/**
 * The statuses a running rerun has found, shown over the report's (MutantView) until the new
 * report is loaded, or until the run ends without one. Its only inputs are the two events it
 * listens to: what the reruns tell, and the source files whose report was loaded again.
 */
export class LiveStatuses implements vscode.Disposable {
  private readonly byFile = new Map<string, Map<string, MutantStatus>>();
  private readonly changed = new vscode.EventEmitter<ReadonlySet<string>>();
  /** Fires with the files whose live statuses changed. */
  readonly onDidChange = this.changed.event;
  private batch = new Set<string>();
  private batchTimer: NodeJS.Timeout | undefined;
  private readonly expiry = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  /**
   * `reportLoaded` fires with the source files of a report loaded again (all of them: a reload
   * redraws only the files that changed, so the live statuses of the others are announced here).
   */
  constructor(runs: vscode.Event<RunEvent>, reportLoaded: vscode.Event<{ has(file: string): boolean }>) {
    this.subscriptions = [
      runs((event) => (event.kind === 'tested' ? this.add(event.result) : this.runEnded(event.files, event.reportWritten))),
      reportLoaded((files) => this.forget([...this.byFile.keys()].filter((file) => files.has(file)))),
    ];
  }

  private add(result: LiveResult): void {
    let statuses = this.byFile.get(result.file);
    if (statuses === undefined) this.byFile.set(result.file, (statuses = new Map<string, MutantStatus>()));
    statuses.set(result.key, result.status);
    this.batch.add(result.file);
    this.batchTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** The live status of a file's mutant by `liveKey`, if a rerun has tested it. */
  statusOf(file: string, key: string): MutantStatus | undefined {
    return this.byFile.get(file)?.get(key);
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  /** The run is over: with a report, its statuses stay until it is loaded (or a while at most); without, they go now. */
  private runEnded(files: Iterable<string>, reportWritten: boolean): void {
    this.flush();
    if (!reportWritten) {
      this.forget(files);
      return;
    }
    for (const file of files) {
      clearTimeout(this.expiry.get(file));
      this.expiry.set(file, setTimeout(() => this.forget([file]), KEEP_AFTER_RUN_MS));
    }
  }

  /** Drops the live statuses of these files; `announce: false` when the caller redraws them anyway. */
  private forget(files: Iterable<string>, announce = true): void {
    const gone = new Set<string>();
    for (const file of files) {
      clearTimeout(this.expiry.get(file));
      this.expiry.delete(file);
      if (this.byFile.delete(file)) gone.add(file);
    }
    if (announce && gone.size > 0) this.changed.fire(gone);
  }

  private flush(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    const files = this.batch;
    this.batch = new Set();
    if (files.size > 0) this.changed.fire(files);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    clearTimeout(this.batchTimer);
    for (const timer of this.expiry.values()) clearTimeout(timer);
    this.changed.dispose();
  }
}
