import type * as vscode from 'vscode';
import type { ShownMutantDetail } from '../core/mutation/shown';

/**
 * What another feature (the change) says about the shown mutants: which ones the markers and the
 * Problems panel list, a note for a diagnostic message, and the lines whose gutter glyph it draws.
 */
export interface MutantScope {
  /** The mutants of a file that the markers and the Problems panel list (settings read once per call). */
  shownOf(path: string, mutants: readonly ShownMutantDetail[]): ShownMutantDetail[];
  /** Words appended to the diagnostic message (e.g. `new since main`), if any. */
  note(path: string, shown: ShownMutantDetail): string | undefined;
  /** 0-based lines of the file where the gutter glyph is another feature's. */
  glyphLines(path: string): ReadonlySet<number>;
  /** Fires when any of the above may have changed. */
  readonly onDidChange: vscode.Event<void>;
}
