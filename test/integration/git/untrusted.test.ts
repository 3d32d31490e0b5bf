// Issue 12, finding 1: a repository whose config runs programs (core.fsmonitor, clean and process
// filters, a textconv driver) is opened in Restricted Mode. Opening it, saving a file and choosing
// a diff base run no git (no marker file appears); granting trust starts changed lines.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFile } from '../helpers';
import { coverageHover, git, logLines } from './gitHelpers';

const RESTRICTED_HOVER = [
  '**Mutant Lens: coverage**',
  'Never ran in a test.',
  'Hits: 0',
  'Changed lines are off in Restricted Mode: Mutant Lens runs no git in an untrusted workspace (git can run programs named in the repository). Trust the workspace to see them.',
];
const PICK_BASE_UNTRUSTED =
  'Mutant Lens lists no branches in an untrusted workspace: listing them runs git, and git can run programs named in the repository. Trust the workspace to choose a diff base.';

const folder = (): string => workspaceFile('').fsPath;
const markers = (): string[] => readdirSync(path.join(path.dirname(folder()), 'markers')).sort();
const uncovered = async (): Promise<readonly number[]> => (await api()).getUncoveredChangedLines(workspaceFile('src/a.ts'));

describe('git in an untrusted workspace whose repository config runs programs', () => {
  it('opens: the coverage is read, changed lines are off and the hover says why; no git ran', async () => {
    const lens = await api();
    assert.equal(vscode.workspace.isTrusted, false);
    assert.deepEqual(
      lens.getReports().map((r) => [r.kind, r.path, r.state, r.files]),
      [['coverage', workspaceFile('coverage/lcov.info').fsPath, 'ok', [workspaceFile('src/a.ts').fsPath]]],
    );
    assert.deepEqual(markers(), []);
    assert.deepEqual(await coverageHover('src/a.ts', 1), [RESTRICTED_HOVER]);
    assert.deepEqual(await uncovered(), []);
  });

  it('saving a file runs no git', async () => {
    const lens = await api();
    const document = await vscode.workspace.openTextDocument(workspaceFile('notes.txt'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 0), 'more notes\n');
    await vscode.workspace.applyEdit(edit);
    // The extension's save listener was registered first, so it has run once ours sees the event.
    let saved = false;
    const listener = vscode.workspace.onDidSaveTextDocument((d) => (saved ||= d.uri.toString() === document.uri.toString()));
    try {
      assert.equal(await document.save(), true);
      await waitFor(() => saved, (s) => s, 'the save event');
    } finally {
      listener.dispose();
    }
    await lens.settled();
    assert.deepEqual(markers(), []);
    assert.deepEqual(await coverageHover('src/a.ts', 1), [RESTRICTED_HOVER]);
    assert.deepEqual(await uncovered(), []);
  });

  it('choosing a diff base lists no branches, says why, and runs no git', async () => {
    assert.equal(await vscode.commands.executeCommand('mutantLens.pickDiffBase'), PICK_BASE_UNTRUSTED);
    await (await api()).settled();
    assert.deepEqual(markers(), []);
    assert.deepEqual(logLines('Using git'), []);
  });

  it('granting trust starts changed lines (git from the git extension)', async () => {
    const lens = await api();
    await vscode.commands.executeCommand('workbench.trust.manage');
    // The harness clicks the Trust button of the editor opened above (test/harness/pageActions.mjs).
    console.log('[harness] trust the workspace');
    await waitFor(() => vscode.workspace.isTrusted, (trusted) => trusted, 'the workspace to be trusted', 30_000);
    await waitFor(uncovered, (lines) => lines.length > 0, 'changed lines after trust', 30_000);
    await lens.settled();
    assert.deepEqual(await uncovered(), [1, 4, 7]);
    assert.deepEqual(await coverageHover('src/a.ts', 1), [['**Mutant Lens: coverage**', 'Changed against origin/main and never ran in a test.', 'Hits: 0']]);
    const gitExtension = vscode.extensions.getExtension<{ getAPI(v: 1): { git: { path: string } } }>('vscode.git');
    assert.equal(gitExtension?.isActive, true);
    // The git extension names its git as it found it: on Linux usually the bare `git`, which is
    // never run as such; then the same git is found on PATH (relative entries and the workspace skipped).
    const extensionGit = gitExtension.exports.getAPI(1).git.path;
    const onPath = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8', cwd: '/' }).trim();
    assert.deepEqual(logLines('Using git'), [path.isAbsolute(extensionGit) ? `Using git ${extensionGit} (from git extension)` : `Using git ${onPath} (from PATH)`]);
    await waitFor(() => logLines('Following repository changes'), (lines) => lines.length > 0, 'the repository to be followed');
    assert.deepEqual(logLines('Following repository changes'), [`Following repository changes of ${folder()} through the git extension (repository ${folder()})`]);
    // The fixture is live: now that git runs, the repository's own programs run with it.
    assert.deepEqual(['clean', 'fsmonitor'].filter((marker) => markers().includes(marker)), ['clean', 'fsmonitor']);
  });

  it('sees a fetch that moves the base through the git extension: exact recomputed lines', async () => {
    const remote = path.join(path.dirname(folder()), 'remote.git');
    git(remote, 'update-ref', 'refs/heads/main', git(remote, 'rev-parse', 'refs/heads/f1'));
    git(folder(), 'fetch', '-q', 'origin');
    assert.deepEqual(await waitFor(uncovered, (lines) => lines.length === 2, 'the merge base to move onto F1', 30_000), [4, 7]);
  });
});
