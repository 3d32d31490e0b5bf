import * as vscode from 'vscode';
import { canDisableWithComment, disableCommentEdit, type DisableCommentEdit } from '../core/mutation/hover/disableComment';
import { mutantRef } from '../core/mutation/hover/hoverMarkdown';
import { COMMAND_COPY_TEST_PROMPT, COMMAND_DISABLE_MUTANT, COMMAND_OPEN_MUTANT_DIFF } from '../core/mutation/hover/links';
import { testWritingPrompt } from '../core/mutation/hover/testPrompt';
import { clipEnd, oneLine } from '../core/mutation/hover/text';
import { mutantMessage } from '../core/mutation/messages';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import { sourceLines } from '../core/mutation/sourceLines';
import { SKIP_ATTRIBUTE, skipAttributeEdit } from '../core/mutation/tools/cargoMutants/skipAttribute';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { resolveMutant, type MutantCommandDeps } from './mutantDiffView';

function sameRange(a: vscode.Range, b: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The shown mutant behind one of our diagnostics: same range and mutator, and the same message when that is ambiguous. */
export function mutantOfDiagnostic(query: MutantQuery, path: string, diagnostic: vscode.Diagnostic): ShownMutantDetail | undefined {
  const candidates = query
    .mutantsAt(path, diagnostic.range.start.line)
    .filter((d) => sameRange(diagnostic.range, d.range) && d.mutant.mutatorName === diagnostic.code);
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((d) => mutantMessage(d, sourceLines(d.file)) === diagnostic.message) ?? candidates[0];
}

function commentEditFor(document: vscode.TextDocument, detail: ShownMutantDetail): DisableCommentEdit | undefined {
  const line = detail.range.start.line;
  if (line >= document.lineCount) return undefined;
  if (detail.report.tool === 'cargo-mutants') return skipAttributeEdit((n) => (n < document.lineCount ? document.lineAt(n).text : undefined), line);
  const previous = line > 0 ? document.lineAt(line - 1).text : undefined;
  return disableCommentEdit(detail, document.lineAt(line).text, previous);
}

function action(title: string, command: string, detail: ShownMutantDetail, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  codeAction.diagnostics = [diagnostic];
  codeAction.command = { title, command, arguments: [mutantRef(detail)] };
  return codeAction;
}

class MutantCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly query: MutantQuery) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    return ours.flatMap((diagnostic) => {
      const detail = mutantOfDiagnostic(this.query, document.uri.fsPath, diagnostic);
      if (detail === undefined) return [];
      const which = ours.length > 1 ? ` (${clipEnd(oneLine(diagnostic.message), 80)})` : '';
      const actions = [action(`Show mutant diff${which}`, COMMAND_OPEN_MUTANT_DIFF, detail, diagnostic)];
      if (canDisableWithComment(detail) && commentEditFor(document, detail) !== undefined) {
        const title =
          detail.report.tool === 'cargo-mutants' ? `Skip this function's mutants with ${SKIP_ATTRIBUTE}` : `Disable this mutant with ${detail.report.tool === 'mutmut' ? '# pragma: no mutate' : 'a comment'}`;
        actions.push(action(`${title}${which}`, COMMAND_DISABLE_MUTANT, detail, diagnostic));
      }
      actions.push(action(`Copy as a test-writing prompt${which}`, COMMAND_COPY_TEST_PROMPT, detail, diagnostic));
      return actions;
    });
  }
}

/** Inserts (or extends) the disable comment, then selects its reason for the user to write. */
export async function disableMutant(detail: ShownMutantDetail): Promise<boolean> {
  const uri = vscode.Uri.file(detail.file.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = commentEditFor(document, detail);
  if (edit === undefined) return false;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const workspaceEdit = new vscode.WorkspaceEdit();
  if (edit.replacesLine) workspaceEdit.replace(uri, document.lineAt(edit.line).range, edit.text);
  else workspaceEdit.insert(uri, new vscode.Position(edit.line, 0), edit.text + eol);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return false;
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(edit.line, edit.reasonStart, edit.line, edit.reasonEnd);
  editor.revealRange(editor.selection);
  return true;
}

/** The lightbulb and Problems-panel actions on our diagnostics, and the commands they run. */
export function registerMutantCodeActions(context: vscode.ExtensionContext, deps: MutantCommandDeps): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new MutantCodeActions(deps.mutantQuery), {
      providedCodeActionKinds: MutantCodeActions.kinds,
    }),
    vscode.commands.registerCommand(COMMAND_DISABLE_MUTANT, async (arg: unknown) => {
      const detail = resolveMutant(deps, arg);
      if (detail === undefined) return;
      if (!canDisableWithComment(detail)) {
        void vscode.window.showInformationMessage(`Mutant Lens: ${detail.report.tool} reports cannot be disabled with a comment.`);
      } else if (!(await disableMutant(detail))) {
        const by = detail.report.tool === 'cargo-mutants' ? `the ${SKIP_ATTRIBUTE} attribute above its function` : detail.report.tool === 'mutmut' ? 'the pragma on its line' : 'the comment above it';
        void vscode.window.showInformationMessage(`Mutant Lens: this mutant is already disabled by ${by}.`);
      }
    }),
    vscode.commands.registerCommand(COMMAND_COPY_TEST_PROMPT, async (arg: unknown) => {
      const detail = resolveMutant(deps, arg);
      if (detail === undefined) return;
      await vscode.env.clipboard.writeText(testWritingPrompt(detail, vscode.workspace.asRelativePath(detail.file.path, false)));
      vscode.window.setStatusBarMessage('Mutant Lens: test-writing prompt copied', 3000);
    }),
  );
}
