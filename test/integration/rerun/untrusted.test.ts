import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, workspaceFile } from '../helpers';
import { strykerProcessesIn } from './processes';

describe('rerun in an untrusted workspace', () => {
  it('says why and starts no process', async () => {
    await api();
    assert.equal(vscode.workspace.isTrusted, false);
    const report = readFileSync(workspaceFile('reports/mutation/mutation.json').fsPath);
    for (const command of ['mutantLens.rerunFile', 'mutantLens.rerunChangedLines', 'mutantLens.rerunSurvivors']) {
      assert.deepEqual(await vscode.commands.executeCommand(command, workspaceFile('src/percent.ts')), {
        outcome: 'untrusted',
        message:
          'Mutant Lens does not run Stryker in an untrusted workspace: running it executes the code of this workspace. Trust the workspace to rerun mutation testing.',
      });
    }
    assert.deepEqual(strykerProcessesIn(workspaceFile('').fsPath), []);
    assert.equal(existsSync(workspaceFile('.stryker-tmp').fsPath), false);
    assert.deepEqual(readFileSync(workspaceFile('reports/mutation/mutation.json').fsPath), report);
  });
});
