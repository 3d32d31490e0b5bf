import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mutantAt, openWithMutants } from './helpers';

async function openDiff(uri: vscode.Uri, mutant: { report: string; id: string }): Promise<vscode.TabInputTextDiff> {
  await vscode.commands.executeCommand('mutantLens.openMutantDiff', { path: uri.fsPath, report: mutant.report, id: mutant.id });
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the active tab is a diff editor');
  return tab.input;
}

async function text(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('mutant diff view', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the report source against the same source with the mutant applied', async () => {
    const { uri, mutants } = await openWithMutants('sample/src/cart.ts');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const input = await openDiff(uri, mutantAt(mutants, 'EqualityOperator', 23, 6));
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'cart.ts: EqualityOperator (Survived)');
    assert.equal(input.original.scheme, 'mutant-lens');
    assert.equal(input.modified.scheme, 'mutant-lens');
    assert.equal(input.original.path, uri.path);
    assert.equal(await text(input.original), onDisk);
    assert.equal(await text(input.modified), onDisk.replace('if (quantity >= 100)', 'if (quantity > 100)'));
    assert.equal(vscode.workspace.fs.isWritableFileSystem('mutant-lens'), undefined);
  });

  it('applies a multi-line mutant and a 10,000-character replacement whole', async () => {
    const format = await openWithMutants('sample/src/format.ts');
    const block = await openDiff(format.uri, mutantAt(format.mutants, 'BlockStatement', 18, 19));
    assert.equal(
      (await text(block.modified)).split('\n').slice(17, 21).join('\n'),
      'export function pluralize(count: number, noun: string): string {\n  if (count === 1) {}\n  return `${count} ${noun}s`;\n}',
    );
    const evil = await openWithMutants('hostile/src/evil.ts');
    const hostile = await openDiff(evil.uri, mutantAt(evil.mutants, '[x](command:workbench.action.terminal.new)', 1, 9));
    assert.equal(
      await text(hostile.modified),
      `export function evil(a: number, b: number): boolean {\n  return \`\`\`\n<img src=x onerror=alert(1)>[run](command:mutantLens.disableMutant)${'y'.repeat(10_000)};\n}\n`,
    );
  });

  it('says so when the mutant is no longer shown', async () => {
    const { uri } = await openWithMutants('sample/src/cart.ts');
    const gone = vscode.Uri.file(uri.fsPath).with({ scheme: 'mutant-lens', query: JSON.stringify({ ref: { path: uri.fsPath, report: '/nope.json', id: '1' }, side: 'original' }) });
    assert.equal(await text(gone), 'This mutant is no longer in the loaded mutation reports.\n');
  });
});
