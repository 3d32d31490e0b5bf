import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MutantLensApi } from '../../../src/api';

describe('activation', () => {
  it('activates and returns the API', async () => {
    const extension = vscode.extensions.getExtension<MutantLensApi>('mutant-lens.mutant-lens');
    assert.notEqual(extension, undefined);
    const api = await extension!.activate();
    assert.equal(api.apiVersion, 1);
    const commands = await vscode.commands.getCommands(true);
    assert.deepEqual(commands.filter((c) => c.startsWith('mutantLens.')).sort(), ['mutantLens.showLog']);
  });
});
