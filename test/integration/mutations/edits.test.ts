import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';

describe('editing a file moves its mutants', () => {
  // Each test starts from the fixture's text: after each, the document is set back to the text
  // read before the first test and saved (a revert alone raced with closing the editor under load,
  // and the next test then started from the edited text).
  let original = '';
  before(async () => {
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('src/cart.ts')));
  });
  afterEach(async () => {
    const uri = workspaceFile('src/cart.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty || document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    await waitFor(() => document.getText() === original && !document.isDirty, (clean) => clean, 'src/cart.ts back to the fixture text');
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
