import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';
import { findLogFile, readLog } from '../robustness/logFile';

const FILES = ['src/cart.ts', 'src/format.ts', 'src/loyalty.ts', 'src/shipping.ts', 'src/validate.ts'];

function git(...args: string[]): void {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

async function uncoveredByFile(): Promise<Record<string, readonly number[]>> {
  const lens = await api();
  return Object.fromEntries(FILES.map((file) => [file, lens.getUncoveredChangedLines(workspaceFile(file))]));
}

async function hoverText(file: string, line: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile(file), new vscode.Position(line, 2));
  return hovers
    .flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((text) => text.startsWith('**Mutant Lens: coverage**'));
}

describe('uncovered changed lines (real git, real lcov)', () => {
  it('marks exactly the changed lines that lcov says never ran: committed, staged, unstaged and untracked', async () => {
    const lens = await api();
    await waitFor(() => lens.getUncoveredChangedLines(workspaceFile('src/validate.ts')).length, (n) => n > 0, 'changed lines');
    assert.deepEqual(await uncoveredByFile(), {
      'src/cart.ts': [],
      'src/format.ts': [27],
      'src/loyalty.ts': [2, 3, 4, 5],
      'src/shipping.ts': [],
      'src/validate.ts': [27, 29],
    });
  });

  it('lists the lcov file with the absolute paths it covers', async () => {
    const lens = await api();
    const coverage = lens.getReports().filter((r) => r.kind === 'coverage');
    assert.deepEqual(
      coverage.map((r) => ({ path: r.path, state: r.state, reason: r.reason, files: [...r.files].sort() })),
      [{ path: workspaceFile('coverage/lcov.info').fsPath, state: 'ok', reason: undefined, files: ['src/cart.ts', 'src/format.ts', 'src/loyalty.ts', 'src/shipping.ts', 'src/validate.ts'].map((f) => workspaceFile(f).fsPath) }],
    );
  });

  it('explains an uncovered changed line in a hover', async () => {
    await api();
    // appendText escapes the text for markdown: spaces become &nbsp;, line ends become \n.
    assert.deepEqual(await hoverText('src/validate.ts', 27), ['**Mutant Lens: coverage**\n\nChanged&nbsp;against&nbsp;main&nbsp;and&nbsp;never&nbsp;ran&nbsp;in&nbsp;a&nbsp;test.\n\nHits:&nbsp;0\n\n']);
    assert.deepEqual(await hoverText('src/validate.ts', 26), []);
  });

  it('moves the marks with the lines saved above them; the inserted lines carry no coverage until the next run', async () => {
    const lens = await api();
    const uri = workspaceFile('src/validate.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const insert = new vscode.WorkspaceEdit();
    insert.insert(uri, new vscode.Position(0, 0), '// A note.\n// Another note.\n');
    await vscode.workspace.applyEdit(insert);
    await document.save();
    const moved = await waitFor(() => lens.getUncoveredChangedLines(uri), (lines) => lines[0] === 29, 'the marks to move down by two lines');
    assert.deepEqual(moved, [29, 31]);
    assert.deepEqual(await hoverText('src/validate.ts', 29), ['**Mutant Lens: coverage**\n\nChanged&nbsp;against&nbsp;main&nbsp;and&nbsp;never&nbsp;ran&nbsp;in&nbsp;a&nbsp;test.\n\nHits:&nbsp;0\n\n']);
    assert.deepEqual(await hoverText('src/validate.ts', 0), []);
    const remove = new vscode.WorkspaceEdit();
    remove.delete(uri, new vscode.Range(0, 0, 2, 0));
    await vscode.workspace.applyEdit(remove);
    await document.save();
    await waitFor(() => lens.getUncoveredChangedLines(uri), (lines) => lines[0] === 27, 'the marks back in place');
    assert.deepEqual(await uncoveredByFile(), {
      'src/cart.ts': [],
      'src/format.ts': [27],
      'src/loyalty.ts': [2, 3, 4, 5],
      'src/shipping.ts': [],
      'src/validate.ts': [27, 29],
    });
  });

  it('keeps the marks after a commit on the branch, and clears them after switching to main', async () => {
    const lens = await api();
    let changes = 0;
    const counting = lens.onDidChange(() => changes++);
    try {
      git('add', '-A');
      git('commit', '-q', '-m', 'Finish the feature');
      // The commit changes no mark, so wait for the recomputation it causes (the .git watcher), not for time.
      await waitFor(() => changes, (n) => n > 0, 'the changed lines to be computed again after the commit');
    } finally {
      counting.dispose();
    }
    await lens.settled();
    assert.deepEqual((await uncoveredByFile())['src/validate.ts'], [27, 29]);
    git('checkout', '-q', 'main');
    const cleared = await waitFor(uncoveredByFile, (lines) => Object.values(lines).every((l) => l.length === 0), 'no uncovered changed lines on main');
    assert.deepEqual(cleared, { 'src/cart.ts': [], 'src/format.ts': [], 'src/loyalty.ts': [], 'src/shipping.ts': [], 'src/validate.ts': [] });
    git('checkout', '-q', 'feature/discounts');
    await waitFor(uncoveredByFile, (lines) => lines['src/validate.ts']?.length === 2, 'the feature branch marks again');
  });

  it('keeps working without git: mutants stay, changed lines are unknown', async () => {
    const lens = await api();
    const config = vscode.workspace.getConfiguration('mutantLens');
    await config.update('gitPath', '/nonexistent/git', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(uncoveredByFile, (lines) => Object.values(lines).every((l) => l.length === 0), 'changed lines to be unknown');
      assert.equal(diagnosticRows(workspaceFile('src/cart.ts')).length > 0, true);
      assert.equal(lens.getMutants(workspaceFile('src/cart.ts')).length, 14);
    } finally {
      await config.update('gitPath', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(uncoveredByFile, (lines) => lines['src/validate.ts']?.length === 2, 'changed lines back with git');
  });
});

describe('settings changes reach only their feature', () => {
  const MUTATION = 'Mutation settings changed: placing the mutants again and looking for reports';
  const COVERAGE_FILES = 'Coverage file settings changed: looking for lcov files again';
  const DIFF_BASE = 'Diff base settings changed: computing the changed lines again';
  const DISPLAY = 'Coverage display settings changed: redrawing the marks';
  const OURS = [MUTATION, COVERAGE_FILES, DIFF_BASE, DISPLAY];

  /** Changes one setting and returns which features said they reacted (every line of ours since, once the expected one came). */
  async function reactionsTo(key: string, value: unknown, expected: string): Promise<string[]> {
    const log = findLogFile();
    const before = readLog(log).length;
    const config = vscode.workspace.getConfiguration('mutantLens');
    await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    try {
      const since = (): string[] => readLog(log).slice(before).map((line) => line.text).filter((text) => OURS.includes(text) || text.startsWith('Loaded '));
      await waitFor(since, (lines) => lines.includes(expected), `the log line "${expected}"`);
      await (await api()).settled();
      return since();
    } finally {
      await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => readLog(log).slice(before).filter((line) => line.text === expected).length, (n) => n === 2, 'the setting to be reset');
      await (await api()).settled();
    }
  }

  it('a coverage display setting only redraws: no report or lcov file is looked for or read again, git does not run', async () => {
    assert.deepEqual(await reactionsTo('coverage.showCoveredChangedLines', true, DISPLAY), [DISPLAY]);
  });

  it('a coverage file setting looks for lcov files only, not for mutation reports', async () => {
    assert.deepEqual(await reactionsTo('coverageReports', ['**/coverage/lcov.info', '**/nothing/lcov.info'], COVERAGE_FILES), [COVERAGE_FILES]);
  });

  it('a mutation setting places the mutants again, and leaves coverage and git alone', async () => {
    assert.deepEqual(await reactionsTo('statuses', ['Survived'], MUTATION), [MUTATION]);
  });
});

describe('mutant hover in the git workspace', () => {
  it('describes the survivor under the cursor', async () => {
    await api();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile('src/cart.ts'), new vscode.Position(23, 9));
    const texts = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    assert.equal(texts.some((t) => t.includes('EqualityOperator')), true, JSON.stringify(texts));
  });
});
