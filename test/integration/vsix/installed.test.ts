import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MutantLensApi } from '../../../src/api';

const id = 'mutant-lens.mutant-lens';

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the installed .vsix', () => {
  it('is loaded from the extensions dir, not from a development path', () => {
    const extension = vscode.extensions.getExtension<MutantLensApi>(id);
    assert.notEqual(extension, undefined);
    const expectedDir = process.env.MUTANT_LENS_EXPECTED_EXTENSIONS_DIR;
    assert.equal(typeof expectedDir, 'string', 'run-vsix.mjs sets MUTANT_LENS_EXPECTED_EXTENSIONS_DIR');
    assert.equal(path.dirname(extension!.extensionPath), expectedDir);
    assert.equal(path.basename(extension!.extensionPath), `${id}-${String(extension!.packageJSON.version)}`);
  });

  it('activates by itself on a workspace with coverage/lcov.info and answers its API', async () => {
    const extension = vscode.extensions.getExtension<MutantLensApi>(id)!;
    await until(() => extension.isActive, 20_000, 'the extension did not activate on workspaceContains:**/coverage/lcov.info');
    const api = extension.exports;
    assert.equal(api.apiVersion, 1);
    await api.settled();
    const commands = await vscode.commands.getCommands(true);
    assert.equal(commands.includes('mutantLens.showLog'), true);
    // The test hooks are registered only under an extension test runner, never in an installed build.
    assert.equal(commands.includes('mutantLens.test.modelIdentity'), false);
  });

  it('loads a mutation report with its packaged report worker', async () => {
    const api = vscode.extensions.getExtension<MutantLensApi>(id)!.exports;
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const report = vscode.Uri.joinPath(folder, 'reports/mutation/mutation.json').fsPath;
    const source = vscode.Uri.joinPath(folder, 'src/a.ts');
    await until(() => api.getReports().some((r) => r.path === report && r.state === 'ok'), 20_000, 'the mutation report did not load');
    await api.settled();
    assert.deepEqual(
      api.getReports().filter((r) => r.kind === 'mutation').map((r) => ({ path: r.path, state: r.state, reason: r.reason, files: r.files })),
      [{ path: report, state: 'ok', reason: undefined, files: [source.fsPath] }],
    );
    assert.deepEqual(
      api.getMutants(source).map((m) => [m.id, m.status, m.mutatorName, m.replacement, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character]),
      [['1', 'Survived', 'EqualityOperator', 'b > c', 0, 10, 0, 16]],
    );
  });
});
