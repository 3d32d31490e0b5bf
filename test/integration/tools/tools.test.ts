import * as assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';
import { encodeArgs, hoverTexts } from '../hover/helpers';
import { findLogFile, readLog } from '../robustness/logFile';

const PITEST_XML = 'pitest/target/pit-reports/mutations.xml';
const PITEST_CART = 'pitest/src/main/java/com/example/Cart.java';
const CARGO_OUTCOMES = 'cargo/mutants.out/outcomes.json';
const CARGO_LIB = 'cargo/src/lib.rs';

const PITEST_ROWS = [
  [5, 8, 5, 30, 'Warning', 'ConditionalsBoundaryMutator', 'Survived: ConditionalsBoundaryMutator "if (quantity >= 100) {" (changed conditional boundary)'],
  [13, 8, 13, 52, 'Warning', 'MathMutator', 'Survived: MathMutator "return sum - sum * discount(quantity) / 100;" (Replaced integer division with multiplication)'],
  [13, 8, 13, 52, 'Warning', 'MathMutator', 'Survived: MathMutator "return sum - sum * discount(quantity) / 100;" (Replaced integer subtraction with addition)'],
  [17, 8, 17, 26, 'Warning', 'BooleanTrueReturnValsMutator', 'Survived: BooleanTrueReturnValsMutator "return price <= 0;" (replaced boolean return with true for com/example/Cart::isFree)'],
  [22, 8, 22, 43, 'Information', 'EmptyObjectReturnValsMutator', 'NoCoverage: EmptyObjectReturnValsMutator "return "« " + (cents / 100) + " »";" (replaced return value with "" for com/example/Cart::label)'],
  [22, 8, 22, 43, 'Information', 'MathMutator', 'NoCoverage: MathMutator "return "« " + (cents / 100) + " »";" (Replaced integer division with multiplication)'],
];

const CARGO_ROWS = [[13, 4, 13, 14, 'Warning', 'FnValue', 'Survived: FnValue "price <= 0" → "true"']];

describe("other tools' own results (cargo-mutants, pitest mutations.xml), made by the real tools", () => {
  it('lists each report with the tool that wrote it', async () => {
    const lens = await api();
    await waitFor(() => lens.getReports().filter((r) => r.kind === 'mutation' && r.state === 'ok').length, (n) => n === 2, 'both reports to load', 30_000);
    const reports = lens.getReports().filter((r) => r.kind === 'mutation');
    assert.deepEqual(
      reports.map((r) => ({ path: r.path, tool: r.tool, state: r.state, reason: r.reason, files: r.files })),
      [
        { path: workspaceFile(CARGO_OUTCOMES).fsPath, tool: 'cargo-mutants', state: 'ok', reason: undefined, files: [workspaceFile(CARGO_LIB).fsPath] },
        { path: workspaceFile(PITEST_XML).fsPath, tool: 'pitest', state: 'ok', reason: undefined, files: [workspaceFile(PITEST_CART).fsPath] },
      ],
    );
  });

  it("shows pitest's survivors on whole lines with their descriptions in the Problems panel", async () => {
    await api();
    const uri = workspaceFile(PITEST_CART);
    await waitFor(() => diagnosticRows(uri).length, (n) => n === PITEST_ROWS.length, 'the pitest diagnostics');
    assert.deepEqual(diagnosticRows(uri), PITEST_ROWS);
  });

  it("shows a pitest mutant's description in its hover, not a diff", async () => {
    await api();
    const uri = workspaceFile(PITEST_CART);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.equal(uri.fsPath.endsWith('Cart.java'), true); // a Uri serialises its fsPath once computed, as the document's has been
    assert.deepEqual(await hoverTexts(uri, 5, 12), [
      [['**Survived** · ConditionalsBoundaryMutator', 'Whole line: changed conditional boundary', `[Rerun this file](command:mutantLens.rerunFile?${encodeArgs([uri])})`].join('\n\n')],
    ]);
  });

  it("shows cargo-mutants' missed mutant in the Problems panel, at UTF-16 columns", async () => {
    await api();
    const uri = workspaceFile(CARGO_LIB);
    await waitFor(() => diagnosticRows(uri).length, (n) => n === CARGO_ROWS.length, 'the cargo-mutants diagnostics');
    assert.deepEqual(diagnosticRows(uri), CARGO_ROWS);
    const lens = await api();
    assert.deepEqual(
      lens.getMutants(uri).map((m) => [m.status, m.mutatorName, m.replacement, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character]),
      [['Survived', 'FnValue', 'true', 13, 4, 13, 14]],
    );
  });

  it('offers #[mutants::skip] above the function of a cargo-mutants survivor, and inserts it', async () => {
    await api();
    const uri = workspaceFile(CARGO_LIB);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Mutant Lens');
    assert.notEqual(diagnostic, undefined);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range);
    const ours = actions.filter((a) => a.command?.command.startsWith('mutantLens.') === true);
    const ref = [{ path: uri.fsPath, report: workspaceFile(CARGO_OUTCOMES).fsPath, id: 'src/lib.rs:14:5: replace is_free -> bool with true' }];
    assert.deepEqual(
      ours.map((a) => [a.title, a.command?.command, a.command?.arguments]),
      [
        ['Show mutant diff', 'mutantLens.openMutantDiff', ref],
        ["Skip this function's mutants with #[mutants::skip]", 'mutantLens.disableMutant', ref],
        ['Copy as a test-writing prompt', 'mutantLens.copyTestPrompt', ref],
      ],
    );
    const skip = ours[1]?.command;
    await vscode.commands.executeCommand(skip!.command, ...(skip!.arguments ?? []));
    try {
      assert.deepEqual(document.getText().split('\n').slice(10, 15), [
        '',
        '/// Whether a price costs nothing.',
        '#[mutants::skip] // TODO: explain why this mutant is acceptable',
        'pub fn is_free(price: i64) -> bool {',
        '    price <= 0',
      ]);
      const editor = vscode.window.activeTextEditor;
      assert.deepEqual([editor?.selection.start.line, editor?.selection.start.character, editor?.selection.end.character], [12, 20, 63]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.getText(), readFileSync(uri.fsPath, 'utf8'));
  });

  it('keeps the last good pitest markers when mutations.xml is cut off, and says so in one log line', async () => {
    const lens = await api();
    const logFile = findLogFile();
    const start = readLog(logFile).length;
    const xml = workspaceFile(PITEST_XML).fsPath;
    const good = readFileSync(xml, 'utf8');
    writeFileSync(xml, good.slice(0, 3000));
    try {
      const state = await waitFor(() => lens.getReports().find((r) => r.path === xml), (r) => r?.state === 'invalid', 'the cut-off report to count as invalid', 30_000);
      assert.deepEqual({ state: state?.state, reason: state?.reason }, { state: 'invalid', reason: 'is incomplete (the XML ends early)' });
      assert.deepEqual(diagnosticRows(workspaceFile(PITEST_CART)), PITEST_ROWS);
      const lines = readLog(logFile).slice(start).filter((l) => l.text.includes(xml) && l.level !== 'info');
      assert.deepEqual(lines, [{ level: 'warning', text: `Report ${xml} is incomplete (the XML ends early). The last good report stays shown.` }]);
    } finally {
      writeFileSync(xml, good);
      await waitFor(() => lens.getReports().find((r) => r.path === xml)?.state, (s) => s === 'ok', 'the report to load again', 30_000);
    }
  });

  it('lists cargo-mutants mutants that no longer fit their file as unplaced, in one log line, and shows no marker for them', async () => {
    const lens = await api();
    const logFile = findLogFile();
    const start = readLog(logFile).length;
    const outcomes = workspaceFile(CARGO_OUTCOMES).fsPath;
    const lib = workspaceFile(CARGO_LIB);
    const source = readFileSync(lib.fsPath, 'utf8');
    const results = readFileSync(outcomes, 'utf8');
    writeFileSync(lib.fsPath, source.replace('/// Whether a price costs nothing.', '/// Whether a price is zero or less.'));
    writeFileSync(outcomes, results);
    try {
      const about = () => readLog(logFile).slice(start).filter((l) => l.text.includes(outcomes) && l.level === 'warning');
      await waitFor(about, (lines) => lines.length > 0, 'the unplaced mutants to be logged', 30_000);
      const names = [
        'src/lib.rs:5:5: replace discount -> u32 with 0',
        'src/lib.rs:5:5: replace discount -> u32 with 1',
        'src/lib.rs:5:17: replace >= with < in discount',
        'src/lib.rs:14:5: replace is_free -> bool with true',
        'src/lib.rs:14:5: replace is_free -> bool with false',
        'src/lib.rs:14:11: replace <= with > in is_free',
        'src/lib.rs:19:5: replace label -> String with String::new()',
        'src/lib.rs:19:5: replace label -> String with "xyzzy".into()',
      ];
      assert.deepEqual(about(), [{ level: 'warning', text: `${outcomes}: 8 unplaced mutants are not shown: ${names.map((n) => `${n} (line 12 changed since cargo-mutants ran)`).join('; ')}` }]);
      await waitFor(() => diagnosticRows(lib).length, (n) => n === 0, 'the survivor marker to go');
      assert.deepEqual(lens.getMutants(lib), []);
    } finally {
      writeFileSync(lib.fsPath, source);
      writeFileSync(outcomes, results);
    }
    await waitFor(() => diagnosticRows(lib), (rows) => JSON.stringify(rows) === JSON.stringify(CARGO_ROWS), 'the survivor to come back', 30_000);
  });
});
