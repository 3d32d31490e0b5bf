import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { mutantMessage } from '../core/mutation/messages';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import { singleLine } from '../core/shared/sanitize';
import { sourceLines } from '../core/mutation/sourceLines';
import { toVsRange } from '../shared/convert';
import type { MutantScope } from './mutantScope';

export const DIAGNOSTIC_SOURCE = 'Mutant Lens';

/** Survived (and NoCoverage) mutants in the Problems panel, for open and closed files alike. */
export class MutantDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mutantLens');

  constructor(
    private readonly query: MutantQuery,
    private readonly settings: () => Settings,
    private readonly scope: MutantScope,
  ) {}

  update(files: Iterable<string>): void {
    for (const file of files) {
      const diagnostics = this.diagnosticsFor(file, this.query.mutantsIn(file).filter((shown) => this.scope.shows(file, shown)));
      this.collection.set(vscode.Uri.file(file), diagnostics.length === 0 ? undefined : diagnostics);
    }
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
    this.collection.dispose();
  }
}

function severityOf(shown: ShownMutantDetail, settings: Settings): vscode.DiagnosticSeverity | undefined {
  if (shown.mutant.status === 'Survived') return settings.survivedSeverity;
  if (shown.mutant.status === 'NoCoverage' && settings.noCoverageDiagnostics) return vscode.DiagnosticSeverity.Information;
  return undefined;
}
