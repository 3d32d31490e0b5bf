import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MutantLensApi, PatchScore } from '../../../src/api';
import { encodeCommandArgs } from '../../../src/core/mutation/hover/links';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';

const FILES = ['src/cart.ts', 'src/format.ts', 'src/loyalty.ts', 'src/validate.ts'];

function git(...args: string[]): void {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, stdio: 'ignore' });
}

function score(detected: number, undetected: number, lines: [number, number], stale: number, newSurvivors: number | undefined): PatchScore {
  const mutants = detected + undetected;
  return { changedLines: lines[0], coveredChangedLines: lines[1], mutants, detected, undetected, stale, newSurvivors, mutationScore: mutants === 0 ? NaN : (detected / mutants) * 100 };
}

function verdicts(lens: MutantLensApi): Record<string, string[]> {
  return Object.fromEntries(FILES.map((file) => [file, lens.getLineVerdicts(workspaceFile(file)).map((v) => `${v.line} ${v.verdict}`)]));
}

function scores(lens: MutantLensApi): Record<string, PatchScore> {
  return Object.fromEntries(FILES.map((file) => [file, { ...lens.getPatchScore(workspaceFile(file)) }]));
}

/** `line:start-endLine:end mutator status onChangedLine newSinceBase` of the mutants the API lists for a file. */
function mutantRows(lens: MutantLensApi, file: string): string[] {
  return lens.getMutants(workspaceFile(file)).map((m) => `${m.range.start.line}:${m.range.start.character}-${m.range.end.line}:${m.range.end.character} ${m.mutatorName} ${m.status} ${String(m.onChangedLine)} ${String(m.newSinceBase)}`);
}

/** The totals the command-line gate writes in its JSON (`summary` and each of `files`). */
interface CliTotals {
  changedLines: number;
  coveredChangedLines: number;
  patchCoverage: number | null;
  mutants: number;
  detected: number;
  undetected: number;
  patchMutationScore: number | null;
  stale: number;
  newSurvivors: number | null;
}

/** The CLI's totals in the API's shape: patchMutationScore null ↔ mutationScore NaN, newSurvivors null ↔ undefined. */
function fromCli(t: CliTotals): PatchScore {
  return { changedLines: t.changedLines, coveredChangedLines: t.coveredChangedLines, mutants: t.mutants, detected: t.detected, undetected: t.undetected, stale: t.stale, newSurvivors: t.newSurvivors ?? undefined, mutationScore: t.patchMutationScore ?? NaN };
}

/** Runs the built command-line gate (the extension's own dist/cli.js) in the workspace folder: the test starts it, not the extension. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const extension = vscode.extensions.getExtension('mutant-lens.mutant-lens');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (extension === undefined || cwd === undefined) throw new Error('no extension or no workspace folder');
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  // The extension host's own Node (Electron's in desktop VS Code, hence ELECTRON_RUN_AS_NODE).
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const BEFORE = {
  'src/cart.ts': score(7, 5, [2, 2], 0, 5),
  'src/format.ts': score(8, 5, [2, 1], 0, 5),
  'src/loyalty.ts': score(0, 3, [4, 0], 0, 3),
  'src/validate.ts': score(0, 10, [2, 0], 0, 8),
};
const VERDICTS = {
  'src/cart.ts': ['24 not-checked', '29 not-checked'],
  'src/format.ts': ['10 checked', '27 not-run'],
  'src/loyalty.ts': ['2 not-run', '3 not-run', '4 not-run', '5 not-run'],
  'src/validate.ts': ['27 not-run', '29 not-run'],
};

async function settledScore(lens: MutantLensApi, accept: (s: PatchScore) => boolean, what: string): Promise<PatchScore> {
  return waitFor(
    async () => {
      await lens.settled();
      return { ...lens.getPatchScore() };
    },
    accept,
    what,
    30_000,
  );
}

describe('is my change verified? (real git, real lcov, real Stryker reports of the working tree and of the merge base)', () => {
  it('scores the change against the report committed at the merge base', async () => {
    const lens = await api();
    const total = await settledScore(lens, (s) => s.newSurvivors !== undefined && s.mutants > 0, 'the patch score with a base');
    assert.deepEqual(total, score(15, 23, [10, 3], 0, 21));
    assert.deepEqual(scores(lens), BEFORE);
    assert.deepEqual(verdicts(lens), VERDICTS);
  });

  it('gives the same numbers as `mutant-lens check` (dist/cli.js) on the same repository', async () => {
    const lens = await api();
    const total = await settledScore(lens, (s) => s.newSurvivors !== undefined && s.mutants > 0, 'the patch score with a base');
    const cli = await runCli(['check', '--format', 'json', '--base', 'main', '--exclude=']);
    assert.deepEqual([cli.code, cli.stderr], [0, '']);
    const result = JSON.parse(cli.stdout) as { base: string; summary: CliTotals; files: (CliTotals & { file: string })[] };
    assert.equal(result.base, 'main');
    assert.deepEqual(fromCli(result.summary), total);
    assert.deepEqual(total, score(15, 23, [10, 3], 0, 21));
    assert.deepEqual(result.summary.patchMutationScore, (15 / 38) * 100);
    assert.deepEqual(result.summary.patchCoverage, 30);
    assert.deepEqual(result.files.map((f) => f.file), FILES);
    assert.deepEqual(Object.fromEntries(result.files.map((f) => [f.file, fromCli(f)])), scores(lens));
    assert.deepEqual(scores(lens), BEFORE);
  });

  it('marks each mutant on a changed line, survivors new or already there', async () => {
    const lens = await api();
    const cart = mutantRows(lens, 'src/cart.ts');
    assert.deepEqual(
      cart.filter((row) => row.includes(' true ')),
      ['24:6-24:20 ConditionalExpression Survived true true', '24:6-24:20 EqualityOperator Survived true true', '29:6-29:32 ConditionalExpression Survived true true', '29:25-29:32 StringLiteral Survived true true', '29:52-29:62 ArithmeticOperator NoCoverage true true'],
    );
    assert.equal(cart.filter((row) => row.endsWith(' false undefined')).length, cart.length - 5);
    assert.deepEqual(
      mutantRows(lens, 'src/validate.ts').filter((row) => row.startsWith('21:72') || row.startsWith('26:24')),
      ['21:72-30:1 BlockStatement NoCoverage true false', '26:24-28:3 BlockStatement NoCoverage true false'],
    );
  });

  it('says `new since main` in the diagnostic of a new survivor, and nothing on an old one', async () => {
    await api();
    const rows = diagnosticRows(workspaceFile('src/cart.ts')).filter((row) => row[0] === 24);
    assert.deepEqual(rows.map((row) => row[6].endsWith(' (new since main)')), [true, true]);
    const old = diagnosticRows(workspaceFile('src/validate.ts')).filter((row) => row[0] === 21);
    assert.deepEqual(old.map((row) => row[6].includes('new since')), [false]);
  });

  it('shows only the change in markers and Problems with Show Only the Change, and everything again after', async () => {
    const lens = await api();
    const all = diagnosticRows(workspaceFile('src/cart.ts')).length;
    await vscode.commands.executeCommand('mutantLens.showOnlyTheChange');
    const rows = await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')), (r) => r.length < all, 'change scope');
    assert.deepEqual(rows.map((row) => `${row[0]}:${row[1]} ${row[5]}`), ['24:6 ConditionalExpression', '24:6 EqualityOperator', '29:6 ConditionalExpression', '29:25 StringLiteral', '29:52 ArithmeticOperator']);
    assert.deepEqual(diagnosticRows(workspaceFile('src/shipping.ts')), []);
    assert.equal(vscode.workspace.getConfiguration('mutantLens').get('scope'), 'change');
    await vscode.commands.executeCommand('mutantLens.showEverything');
    await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')).length, (n) => n === all, 'all scope');
    assert.equal(lens.getPatchScore().mutants, 38);
  });

  it('lists the tests of a mutant in its hover, each a link to our own command', async () => {
    await api();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile('src/cart.ts'), new vscode.Position(24, 8));
    const ours = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).filter((text) => text.startsWith('**Tests of'));
    const testFile = workspaceFile('test/cart.test.ts').fsPath;
    const link = (name: string): string => `[${name}](command:mutantLens.openTest?${encodeCommandArgs([{ file: testFile, name }])})`;
    assert.deepEqual(ours, [
      `**Tests of ConditionalExpression → false**: new since main\n- covered by ${link('bulkPercent gives nothing for a single unit')}\n- covered by ${link('total adds up a cart without discount')}`,
      `**Tests of EqualityOperator → quantity \\> 20**: new since main\n- covered by ${link('bulkPercent gives nothing for a single unit')}\n- covered by ${link('total adds up a cart without discount')}`,
    ]);
  });

  it('offers a quick fix per test on the diagnostic, which opens the test at the line with its name', async () => {
    await api();
    const uri = workspaceFile('src/cart.ts');
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === 24 && d.code === 'EqualityOperator');
    assert.deepEqual(diagnostic?.range.start.character, 6);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(24, 6, 24, 20));
    const opens = actions.filter((a) => a.title.startsWith('Open test: '));
    assert.deepEqual(opens.map((a) => a.title), ['Open test: bulkPercent gives nothing for a single unit', 'Open test: total adds up a cart without discount']);
    const testFile = workspaceFile('test/cart.test.ts').fsPath;
    assert.deepEqual(
      opens.map((a) => [a.command?.command, a.command?.arguments]),
      [
        ['mutantLens.openTest', [{ file: testFile, name: 'bulkPercent gives nothing for a single unit' }]],
        ['mutantLens.openTest', [{ file: testFile, name: 'total adds up a cart without discount' }]],
      ],
    );
    await vscode.commands.executeCommand('mutantLens.openTest', { file: testFile, name: 'bulkPercent gives nothing for a single unit' });
    const editor = await waitFor(() => vscode.window.activeTextEditor, (e) => e?.document.uri.fsPath === workspaceFile('test/cart.test.ts').fsPath, 'the test file');
    assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [21, 6]);
  });

  it('keeps the numbers after a commit of the staged and unstaged edits (the merge base is the same)', async () => {
    const lens = await api();
    git('commit', '-q', '-am', 'Commit the edits');
    await settledScore(lens, (s) => s.mutants === 38, 'the score after the commit');
    assert.deepEqual(scores(lens), BEFORE);
    assert.deepEqual(verdicts(lens), VERDICTS);
  });

  it('follows an edit that moves lines: verdicts and mutants move with the text once saved', async () => {
    const lens = await api();
    const uri = workspaceFile('src/cart.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '// A note.\n// Another note.\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    // A busy machine can make the save participants time out ("Aborted onWillSaveTextDocument"); the poll below waits for the save.
    await document.save();
    await waitFor(
      async () => {
        await lens.settled();
        return lens.getLineVerdicts(uri).map((v) => `${v.line} ${v.verdict}`);
      },
      (v) => v.join() === '26 not-checked,31 not-checked',
      'moved verdicts',
      30_000,
    );
    assert.deepEqual({ ...lens.getPatchScore(uri) }, score(7, 5, [2, 2], 0, 5));
    assert.deepEqual({ ...lens.getPatchScore() }, score(15, 23, [10, 3], 0, 21));
  });

  it('counts survivors against a saved baseline (Save Report as Baseline) instead of the merge base', async () => {
    const lens = await api();
    const saved = await vscode.commands.executeCommand<string | undefined>('mutantLens.saveReportAsBaseline', workspaceFile('reports/mutation/mutation.json').fsPath);
    assert.equal(typeof saved, 'string');
    const total = await settledScore(lens, (s) => s.newSurvivors === 0, 'no new survivors against the saved baseline');
    assert.deepEqual(total, score(15, 23, [10, 3], 0, 0));
    assert.deepEqual(diagnosticRows(workspaceFile('src/cart.ts')).filter((row) => row[6].includes('new since')), []);
  });
});
