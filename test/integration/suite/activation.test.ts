import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MutantLensApi } from '../../../src/api';

describe('activation', () => {
  it('activates and returns the API', async () => {
    const extension = vscode.extensions.getExtension<MutantLensApi>('mutant-lens.mutant-lens');
    assert.notEqual(extension, undefined);
    const api = await extension!.activate();
    assert.equal(api.apiVersion, 1);
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('mutantLens.')).sort();
    const contributed = (extension!.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    // Under an extension test runner (ExtensionMode.Test) the test hooks (src/mutation/testHooks.ts) are registered too, never contributed.
    assert.deepEqual(registered, [...contributed, 'mutantLens.test.modelIdentity'].sort());
  });
});
