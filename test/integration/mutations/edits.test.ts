import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';

describe('editing a file moves its mutants', () => {
  // Revert in the editor of the edited file and wait until it is clean before closing: closing a
  // dirty editor would save the edit, and the next test would start from the edited text.
  afterEach(async () => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === workspaceFile('src/cart.ts').fsPath);
    if (document?.isDirty === true) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(() => document.isDirty, (dirty) => !dirty, 'src/cart.ts reverted');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shifts every mutant below two inserted lines, at once', async () => {
    const lens = await api();
    const uri = workspaceFile('src/cart.ts');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// one\n// two\n'));
    const first = lens.getMutants(uri)[0];
    assert.deepEqual({ range: first?.range, stale: first?.stale }, { range: { start: { line: 25, character: 6 }, end: { line: 25, character: 21 } }, stale: false });
    const rows = diagnosticRows(uri);
    assert.deepEqual(rows[0], [25, 6, 25, 21, 'Warning', 'EqualityOperator', 'Survived: EqualityOperator "quantity >= 100" → "quantity > 100"']);
    assert.equal(rows.length, 14);
  });

  it('marks a mutant stale when its own code changes, and dims it in the Problems panel', async () => {
    const lens = await api();
    const uri = workspaceFile('src/cart.ts');
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.lineAt(23);
    assert.equal(line.text.slice(6, 21), 'quantity >= 100');
    await editor.edit((edit) => edit.replace(new vscode.Range(23, 6, 23, 21), 'quantity >= 1000'));
    const stale = lens.getMutants(uri).filter((m) => m.stale);
    assert.deepEqual(
      stale.map((m) => ({ mutatorName: m.mutatorName, range: m.range })),
      [{ mutatorName: 'EqualityOperator', range: { start: { line: 23, character: 6 }, end: { line: 23, character: line.text.length + 1 } } }],
    );
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === 23);
    assert.deepEqual(
      { message: diagnostic?.message, tags: diagnostic?.tags },
      { message: 'Survived: EqualityOperator "quantity >= 100" → "quantity > 100" (stale: the code changed since the report)', tags: [vscode.DiagnosticTag.Unnecessary] },
    );
    await waitFor(() => lens.getMutants(uri).length, (n) => n === 14, 'all 14 mutants');
  });
});
