import * as vscode from 'vscode';
import type { LiveResult } from '../core/rerun/liveResults';

/** What a rerun tells while it runs: each mutant it has tested, then its end. */
export type RunEvent =
  | { readonly kind: 'tested'; readonly result: LiveResult }
  /** The run is over; `reportWritten` when Stryker wrote its report (which the watcher will load). */
  | { readonly kind: 'ended'; readonly files: ReadonlySet<string>; readonly reportWritten: boolean };

/** The reruns' event stream: the rerun publishes, the mutation feature's live statuses listen. */
export class RunEvents implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RunEvent>();
  readonly onDidRun = this.emitter.event;

  publish(event: RunEvent): void {
    this.emitter.fire(event);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
