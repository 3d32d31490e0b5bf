import * as vscode from 'vscode';
import { COMMAND_OPEN_TEST, openTestArgs } from '../core/change/hoverText';
import { testsOfMutant } from '../core/change/tests';
import { clipEnd, oneLine } from '../core/mutation/hover/text';
import type { MutantQuery } from '../core/mutation/shown';
import { mutantOfDiagnostic } from '../mutation/codeActions';
import { DIAGNOSTIC_SOURCE } from '../mutation/diagnostics';

const MAX_TESTS = 5;

/** Quick fixes on a mutant's diagnostic: open each test that covers (or kills) it. */
class TestCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly query: MutantQuery) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // One action per test, for every diagnostic here whose mutant it covers or kills.
    const byTest = new Map<string, vscode.CodeAction>();
    for (const diagnostic of context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE)) {
      const shown = mutantOfDiagnostic(this.query, document.uri.fsPath, diagnostic);
      if (shown === undefined) continue;
      for (const test of testsOfMutant(shown.mutant, shown.report).slice(0, MAX_TESTS)) {
        const args = openTestArgs(test);
        if (args === undefined) continue;
        const key = `${args.file}\n${args.name}`;
        const known = byTest.get(key);
        if (known !== undefined) {
          known.diagnostics = [...(known.diagnostics ?? []), diagnostic];
          continue;
        }
        const title = `Open test: ${clipEnd(oneLine(test.name), 80)}`;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.command = { title, command: COMMAND_OPEN_TEST, arguments: [args] };
        byTest.set(key, action);
      }
    }
    return [...byTest.values()];
  }
}

export function registerTestCodeActions(query: MutantQuery): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new TestCodeActions(query), { providedCodeActionKinds: TestCodeActions.kinds });
}
