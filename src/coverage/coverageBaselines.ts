import * as vscode from 'vscode';
import { modifiedAt } from '../core/shared/fileProbe';
import type { CoverageStore } from '../core/coverage/coverageStore';

/**
 * The text each covered file had when its coverage was measured, so that coverage can follow
 * later edits (core/coverage/followEdits). Taken from a document when nothing can have changed it
 * since the lcov file was written: the document is not dirty and the file on disk is not newer
 * than the lcov file. A file first opened after it changed has no baseline: its coverage stays
 * where lcov put it, and the hover says it may be out of date.
 */
export class CoverageBaselines implements vscode.Disposable {
  private readonly measured = new Map<string, string>();
  /** The last saved text of files with a baseline (kept when their editor closes). */
  private readonly saved = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly coverage: CoverageStore) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.capture(document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.remember(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.remember(document)),
    ];
  }

  /** After coverage was (re)loaded: every baseline is taken again, from the open documents. */
  reset(): void {
    this.measured.clear();
    this.saved.clear();
    for (const document of vscode.workspace.textDocuments) this.capture(document);
  }

  /** The files whose measured text is known. */
  paths(): IterableIterator<string> {
    return this.measured.keys();
  }

  /** The text the coverage of `path` was measured on, when known. */
  measuredText(path: string): string | undefined {
    return this.measured.get(path);
  }

  /** The file's saved text: its document's when open and not dirty, else the last one seen saved. */
  savedText(path: string): string | undefined {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (document !== undefined && !document.isDirty) return document.getText();
    return this.saved.get(path);
  }

  private capture(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file' || document.isDirty) return;
    const path = document.uri.fsPath;
    const lcovTime = this.coverage.lcovTimeOf(path);
    if (lcovTime === undefined || this.measured.has(path) || (modifiedAt(path) ?? Number.POSITIVE_INFINITY) > lcovTime) return;
    this.measured.set(path, document.getText());
  }

  private remember(document: vscode.TextDocument): void {
    const path = document.uri.fsPath;
    if (this.measured.has(path) && !document.isDirty) this.saved.set(path, document.getText());
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
