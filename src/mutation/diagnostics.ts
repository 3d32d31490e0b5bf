import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { mutantMessage } from '../core/mutation/messages';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import { singleLine } from '../core/shared/sanitize';
import { SlicedQueue } from '../core/shared/slicedQueue';
import { sourceLines } from '../core/mutation/sourceLines';
import { toVsRange } from '../shared/convert';
import type { MutantScope } from './mutantScope';

export const DIAGNOSTIC_SOURCE = 'Mutant Lens';

/** Survived (and NoCoverage) mutants in the Problems panel, for open and closed files alike. */
/**
 * How long one slice of a large update may spend making diagnostics. Handing them to the
 * collection at the slice's end (serialised for the window) costs about as much again, so a
 * slice holds the extension host's thread for about 8 ms.
 */
const SLICE_MS = 4;

export class MutantDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mutantLens');
  private readonly queue = new SlicedQueue<string>((file) => this.updateFile(file), { sliceMs: SLICE_MS, afterSlice: () => this.flush() });
  /** A slice's files, handed to the collection in one call at the slice's end (one message to the window, not one per file). */
  private made: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];

  constructor(
    private readonly query: MutantQuery,
    private readonly settings: () => Settings,
    private readonly scope: MutantScope,
  ) {}

  /** Updates the files' diagnostics: a large set (a whole report) in slices, never holding the thread long. Resolves when done. */
  update(files: Iterable<string>): Promise<void> {
    return this.queue.add(files);
  }

  private updateFile(file: string): void {
    const diagnostics = this.diagnosticsFor(file, this.scope.shownOf(file, this.query.mutantsIn(file)));
    this.made.push([vscode.Uri.file(file), diagnostics.length === 0 ? undefined : diagnostics]);
  }

  private flush(): void {
    const made = this.made;
    this.made = [];
    if (made.length > 0) this.collection.set(made);
  }

  private diagnosticsFor(file: string, mutants: readonly ShownMutantDetail[]): vscode.Diagnostic[] {
    const settings = this.settings();
    const diagnostics: vscode.Diagnostic[] = [];
    for (const shown of mutants) {
      const severity = severityOf(shown, settings);
      if (severity === undefined) continue;
      const note = this.scope.note(file, shown);
      const message = mutantMessage(shown, sourceLines(shown.file));
      const diagnostic = new vscode.Diagnostic(toVsRange(shown.range), note === undefined ? message : `${message} (${note})`, severity);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = singleLine(shown.mutant.mutatorName);
      if (shown.stale) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  }

  dispose(): void {
    this.queue.dispose();
    this.collection.dispose();
  }
}

function severityOf(shown: ShownMutantDetail, settings: Settings): vscode.DiagnosticSeverity | undefined {
  if (shown.mutant.status === 'Survived') return settings.survivedSeverity;
  if (shown.mutant.status === 'NoCoverage' && settings.noCoverageDiagnostics) return vscode.DiagnosticSeverity.Information;
  return undefined;
}
