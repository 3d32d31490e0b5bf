// The change suite's workspace: the sample workspace (real git history, see test/fixtures/README.md)
// whose merge base (commit A) has the sample project's real report committed, and whose working
// tree has the real Stryker report of the edited working tree as reports/mutation/mutation.json
// (the html report and the incremental file of commit A are removed: one report, the current one).
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export async function makeChangeWorkspace(dir) {
  const { makeSampleWorkspace, WORKSPACE_MUTATION } = await import('../../fixtures/make-sample-workspace.mjs');
  const ws = await makeSampleWorkspace(dir, { linkNodeModules: false, commitReport: true });
  await rm(join(ws.root, 'reports/mutation/mutation.html'), { force: true });
  await rm(join(ws.root, 'reports/stryker-incremental.json'), { force: true });
  await copyFile(WORKSPACE_MUTATION, join(ws.root, 'reports/mutation/mutation.json'));
}
