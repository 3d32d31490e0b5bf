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
/** How long one slice of a large update may hold the extension host's thread. */
const SLICE_MS = 8;

export class MutantDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mutantLens');
  private readonly queue = new SlicedQueue<string>((file) => this.updateFile(file), { sliceMs: SLICE_MS });

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
    this.collection.set(vscode.Uri.file(file), diagnostics.length === 0 ? undefined : diagnostics);
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
