// Restricted Mode as a person sees it: a repository whose config runs programs, opened untrusted.
// The status bar says why changed lines are off; no git runs (no marker file); trusting the folder
// in the Workspace Trust editor starts changed lines, and the status bar shows patch coverage.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pageActions } from '../harness/pageActions.mjs';
import { openWorkbench } from '../harness/workbench.mjs';
import { makeHostileWorkspace } from '../integration/git/workspace.mjs';

const PATCH_COVERAGE = '[id="mutant-lens.mutant-lens.mutantLens.patchCoverage"]';

describe('changed lines in Restricted Mode', function () {
  let workbench;
  const markers = () => readdirSync(join(dirname(workbench.folder), 'markers')).sort();

  before(async function () {
    workbench = await openWorkbench({
      workspace: makeHostileWorkspace,
      settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
    });
  });

  after(async function () {
    await workbench?.close();
  });

  it('says in the status bar that changed lines are off, and runs no git', async function () {
    const text = await workbench.until(() => workbench.textOf(PATCH_COVERAGE), (t) => t.includes('Restricted'), { what: 'the patch coverage item' });
    assert.equal(text.trim(), 'Δ changed lines off in Restricted Mode');
    assert.deepEqual(markers(), []);
    await workbench.screenshot('trust-restricted-status');
  });

  it('starts changed lines once the folder is trusted in the Workspace Trust editor', async function () {
    await workbench.runCommand('Workspaces: Manage Workspace Trust');
    await pageActions['trust the workspace'](workbench.page);
    const text = await workbench.until(() => workbench.textOf(PATCH_COVERAGE), (t) => t.includes('covered'), { what: 'patch coverage after trust', timeoutMs: 60_000 });
    assert.equal(text.trim(), 'Δ 0/3 lines covered (0%)');
  });
});
