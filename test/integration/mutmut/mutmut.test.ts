import * as assert from 'node:assert/strict';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile, type DiagnosticRow } from '../helpers';
import { findLogFile } from '../robustness/logFile';
import { inGroup, processes, type Proc } from '../rerun/processes';

/** mutmut's processes (the run and its forked workers) working inside `dir`. */
function mutmutProcessesIn(dir: string): Proc[] {
  return processes().filter((p) => {
    try {
      const cwd = readlinkSync(`/proc/${p.pid}/cwd`);
      return /mutmut/.test(p.args) && (cwd === dir || cwd.startsWith(`${dir}/`));
    } catch {
      return false;
    }
  });
}

const PRICING = 'src/shop/pricing.py';
const TEXT = 'src/shop/text.py';

function survivor(line: number, start: number, end: number, n: number, original: string, replacement: string): DiagnosticRow {
  const name = `shop.pricing.x_discounted__mutmut_${n}`;
  return [line, start, line, end, 'Warning', name, `Survived: ${name} "${original}" → "${replacement}"`];
}

const SURVIVORS: DiagnosticRow[] = [
  survivor(4, 15, 16, 1, '>', '>='),
  survivor(4, 17, 19, 2, '50', '51'),
  survivor(5, 18, 20, 3, '50', 'None'),
  survivor(5, 18, 20, 4, '50', '51'),
  survivor(6, 25, 26, 7, '*', '/'),
  survivor(6, 35, 36, 6, '/', '*'),
  survivor(6, 37, 40, 8, '100', '101'),
];

const STRONG_TEST = `from shop.pricing import discounted, label


def test_discounted():
    assert discounted(100, 10) == 90
    assert discounted(200, 51) == 100
    assert discounted(100, 80) == 50


def test_label():
    assert label(3.14159) == "€3.14"
`;

async function rowsOnceSettled(uri: vscode.Uri, expected: unknown[], timeoutMs = 30_000): Promise<unknown[]> {
  const lens = await api();
  return waitFor(async () => (await lens.settled(), diagnosticRows(uri)), (rows) => JSON.stringify(rows) === JSON.stringify(expected), `diagnostics of ${uri.fsPath}`, timeoutMs);
}

function mutantsOf(lens: Awaited<ReturnType<typeof api>>, uri: vscode.Uri): string[] {
  return lens.getMutants(uri).map((m) => `${m.id} ${m.status} ${m.range.start.line}:${m.range.start.character}-${m.range.end.line}:${m.range.end.character} ${m.replacement ?? ''}`);
}

describe('mutmut 3 results (real mutmut 3.8.1 fixture)', function () {
  this.timeout(180_000);
  const pricing = workspaceFile(PRICING);
  const text = workspaceFile(TEXT);

  it('loads each .meta file as a report written by mutmut', async () => {
    const lens = await api();
    const reports = await waitFor(
      () => lens.getReports().filter((r) => r.kind === 'mutation').map((r) => [r.path, r.tool, r.state, r.files]),
      (r) => r.length === 3,
      'the three mutmut reports',
    );
    assert.deepEqual(reports.sort(), [
      [workspaceFile('mutants/src/shop/__init__.py.meta').fsPath, 'mutmut', 'ok', [workspaceFile('src/shop/__init__.py').fsPath]],
      [workspaceFile('mutants/src/shop/pricing.py.meta').fsPath, 'mutmut', 'ok', [pricing.fsPath]],
      [workspaceFile('mutants/src/shop/text.py.meta').fsPath, 'mutmut', 'ok', [text.fsPath]],
    ]);
  });

  it('shows the exact diagnostics of the survivors, none for a file whose mutants are all killed', async () => {
    assert.deepEqual(await rowsOnceSettled(pricing, SURVIVORS), SURVIVORS);
    assert.deepEqual(diagnosticRows(text), []);
    const lens = await api();
    // Only survivors and mutants without tests are shown (mutantLens.statuses): all of text.py's 7 are killed.
    assert.deepEqual(mutantsOf(lens, text), []);
    assert.equal(mutantsOf(lens, pricing).length, 7);
  });

  it('shows the survivor as a diff in the hover, and offers # pragma: no mutate as the quick fix', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pricing));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', pricing, new vscode.Position(4, 15));
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    // Each mutant's section up to its command links (tested in the hover suite).
    const section = (n: number, added: string): string[] => [
      `**Survived** · shop\\.pricing\\.x\\_discounted\\_\\_mutmut\\_${n}`,
      '```diff\n-    if percent > 50:\n+' + added + '\n```',
      'Reason: mutmut\\: survived \\(exit code 0\\)',
    ];
    assert.deepEqual(
      texts.map((t) => t.split('\n\n').slice(0, 3)),
      [section(1, '    if percent >= 50:'), section(2, '    if percent > 51:')],
    );
    const diagnostic = vscode.languages.getDiagnostics(pricing).find((d) => d.range.start.line === 4 && d.range.start.character === 15);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', pricing, diagnostic!.range);
    assert.deepEqual(actions.map((a) => a.title), ['Show mutant diff', 'Disable this mutant with # pragma: no mutate', 'Copy as a test-writing prompt']);
  });

  it('reruns the file with mutmut: a strengthened test kills the survivors, the other files keep their results', async () => {
    const lens = await api();
    const textMeta = readFileSync(workspaceFile(`mutants/${TEXT}.meta`).fsPath, 'utf8');
    const textReport = (): unknown => lens.getReports().find((r) => r.files.includes(text.fsPath));
    const textBefore = textReport();
    writeFileSync(workspaceFile('tests/test_pricing.py').fsPath, STRONG_TEST);
    assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunFile', pricing), { outcome: 'success', message: undefined });
    const left = [SURVIVORS[0]];
    assert.deepEqual(await rowsOnceSettled(pricing, left), left);
    assert.deepEqual(mutantsOf(lens, pricing), ['shop.pricing.x_discounted__mutmut_1 Survived 4:15-4:16 >=']);
    assert.equal(readFileSync(workspaceFile(`mutants/${TEXT}.meta`).fsPath, 'utf8'), textMeta);
    assert.deepEqual(textReport(), textBefore);
    // mutmut itself now calls the others killed.
    const pricingMeta = JSON.parse(readFileSync(workspaceFile(`mutants/${PRICING}.meta`).fsPath, 'utf8')) as { exit_code_by_key: Record<string, number> };
    assert.deepEqual(Object.values(pricingMeta.exit_code_by_key), [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('reruns only the survivors by name', async () => {
    const log = findLogFile();
    const runs = (): string[] => readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('[info] Running in ')).map((line) => line.replace(/^.*?\[info\] Running in [^:]*: \S+/, ''));
    const before = runs().length;
    assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunSurvivors', pricing), { outcome: 'success', message: undefined });
    assert.deepEqual(runs().slice(before), [' run shop.pricing.x_discounted__mutmut_1']);
    assert.deepEqual(await rowsOnceSettled(pricing, [SURVIVORS[0]]), [SURVIVORS[0]]);
  });

  it('cancel kills the whole mutmut process tree', async () => {
    const root = workspaceFile('').fsPath;
    const pending = vscode.commands.executeCommand('mutantLens.rerunFile', text);
    const started = await waitFor(() => mutmutProcessesIn(root), (procs) => procs.length >= 1, 'mutmut to start', 60_000);
    const group = started[0]?.pgid ?? -1;
    assert.deepEqual(await vscode.commands.executeCommand('mutantLens.cancelRun'), { outcome: 'cancelled', message: undefined });
    assert.deepEqual(await pending, { outcome: 'cancelled', message: 'Mutation testing of src/shop/text.py was cancelled; mutmut keeps the results of the mutants it finished.' });
    await waitFor(() => [...inGroup(group), ...mutmutProcessesIn(root)], (left) => left.length === 0, 'no mutmut process left', 5000);
  });

  it('keeps the last good state of a half-written .meta, says so, and recovers', async () => {
    const lens = await api();
    const meta = workspaceFile(`mutants/${PRICING}.meta`).fsPath;
    const good = readFileSync(meta, 'utf8');
    const before = diagnosticRows(pricing);
    assert.equal(before.length, 1);
    writeFileSync(meta, good.slice(0, 120));
    const state = await waitFor(
      () => {
        assert.deepEqual(diagnosticRows(pricing), before, 'markers changed while the .meta was broken');
        return lens.getReports().find((r) => r.path === meta);
      },
      (report) => report?.state === 'invalid',
      'the .meta to be marked invalid',
    );
    assert.deepEqual([state?.state, state?.reason, state?.tool], ['invalid', 'is incomplete (the JSON ends early)', 'mutmut']);
    writeFileSync(meta, good);
    await waitFor(() => lens.getReports().find((r) => r.path === meta)?.state, (s) => s === 'ok', 'the .meta to be ok again');
    assert.deepEqual(diagnosticRows(pricing), before);
  });

  it('logs the mutants of a function changed since the run as unplaced, and shows no marker for them', async () => {
    const lens = await api();
    const source = workspaceFile(TEXT).fsPath;
    const meta = workspaceFile(`mutants/${TEXT}.meta`).fsPath;
    const original = readFileSync(source, 'utf8');
    const log = findLogFile();
    const logged = (): string[] => readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('is unplaced')).map((line) => line.replace(/^.*?\[warning\] /, ''));
    assert.deepEqual(logged(), []);
    writeFileSync(source, original.replace('return word.upper() + "!"', 'return word.upper() + "?"'));
    writeFileSync(meta, readFileSync(meta, 'utf8'));
    const reason = 'the function shout in the original file differs from what mutmut mutated (changed since the run?); it is not shown';
    const expected = [1, 2, 3].map((n) => `${meta}: mutant shop.text.x_shout__mutmut_${n} is unplaced: ${reason}`);
    assert.deepEqual(await waitFor(logged, (lines) => lines.length === 3, 'three unplaced lines'), expected);
    const loaded = readFileSync(log, 'utf8').split('\n').filter((line) => line.includes(`Loaded ${meta}:`)).map((line) => line.replace(/^.*?\[info\] /, ''));
    assert.equal(loaded.at(-1), `Loaded ${meta}: 1 files, 4 mutants`);
    writeFileSync(source, original);
    writeFileSync(meta, readFileSync(meta, 'utf8'));
    await lens.settled();
  });

  it('appends # pragma: no mutate to the survivor\'s line', async () => {
    const diagnostic = vscode.languages.getDiagnostics(pricing).find((d) => d.range.start.line === 4 && d.range.start.character === 15);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', pricing, diagnostic!.range);
    const disable = actions.find((a) => a.title === 'Disable this mutant with # pragma: no mutate')?.command;
    await vscode.commands.executeCommand(disable!.command, ...(disable!.arguments ?? []));
    const document = await vscode.workspace.openTextDocument(pricing);
    assert.deepEqual([3, 4, 5].map((line) => document.lineAt(line).text), ['def discounted(price, percent):', '    if percent > 50:  # pragma: no mutate', '        percent = 50']);
    assert.deepEqual(vscode.window.activeTextEditor?.selection.active, new vscode.Position(4, 41));
  });
});
