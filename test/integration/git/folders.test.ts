// Issue 13: no git process and no watcher of `.git` in a folder until a coverage file exists
// there, and the watcher goes with its folder. Three repositories in a multi-root workspace (the
// git extension off): a and b hold coverage, c does not. Each repository's core.fsmonitor writes
// a marker named after it, so every git run in it leaves a trace.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from '../helpers';
import { logLines } from './gitHelpers';

const repo = (name: string): string => {
  const folder = vscode.workspace.workspaceFolders?.find((f) => path.basename(path.dirname(f.uri.fsPath)) === name);
  if (folder === undefined) throw new Error(`no folder ${name}`);
  return folder.uri.fsPath;
};
const markers = (): string[] => readdirSync(path.join(path.dirname(path.dirname(repo('a'))), 'markers')).sort();
const uncovered = async (name: string): Promise<readonly number[]> => (await api()).getUncoveredChangedLines(vscode.Uri.file(path.join(repo(name), 'src', 'a.ts')));
const following = (): string[] => logLines('Following repository changes').sort();

describe('git per workspace folder: only where coverage is', () => {
  it('runs git and watches .git only in the folders that hold coverage', async () => {
    await api();
    await waitFor(following, (lines) => lines.length === 2, 'two folders followed');
    assert.deepEqual(following(), ['a', 'b'].map((name) => `Following repository changes of ${repo(name)} by watching ${path.join(repo(name), '.git')}`));
    assert.deepEqual([await uncovered('a'), await uncovered('b'), await uncovered('c')], [[1, 4, 7], [1, 4, 7], []]);
    assert.deepEqual(markers(), ['a', 'b']);
  });

  it('starts in a folder when its first coverage file appears', async () => {
    mkdirSync(path.join(repo('c'), 'coverage'));
    writeFileSync(path.join(repo('c'), 'coverage', 'lcov.info'), readFileSync(path.join(repo('a'), 'coverage', 'lcov.info')));
    assert.deepEqual(await waitFor(() => uncovered('c'), (lines) => lines.length > 0, 'changed lines in c'), [1, 4, 7]);
    await waitFor(following, (lines) => lines.length === 3, 'three folders followed');
    assert.deepEqual(following()[2], `Following repository changes of ${repo('c')} by watching ${path.join(repo('c'), '.git')}`);
    assert.deepEqual(markers(), ['a', 'b', 'c']);
  });

  it('stops following a folder removed from the workspace', async () => {
    const b = repo('b');
    assert.equal(vscode.workspace.updateWorkspaceFolders(1, 1), true);
    await waitFor(() => logLines('Stopped following'), (lines) => lines.length > 0, 'the watcher of b to stop');
    assert.deepEqual(logLines('Stopped following'), [`Stopped following repository changes of ${b}`]);
  });
});
