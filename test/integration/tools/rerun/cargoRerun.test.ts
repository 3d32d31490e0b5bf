// The cargo-mutants rerun for real: needs cargo and cargo-mutants 27.1.0 on the PATH the test
// harness is started with (see README, "cargo-mutants and pitest's own XML"); the `tools` suite
// needs neither.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../../helpers';

const OTHER_ROWS = [[0, 38, 0, 39, 'Warning', 'BinaryOperator', 'Survived: BinaryOperator "+" → "-"']];
const CARGO_ROWS = [[13, 4, 13, 14, 'Warning', 'FnValue', 'Survived: FnValue "price <= 0" → "true"']];

describe('rerunning cargo-mutants on a Rust file (real cargo-mutants)', () => {
  it('strengthen the weak test, rerun the file: the survivor is gone, and the other files keep their results', async () => {
    process.env.PATH = `${readFileSync(workspaceFile('.cargo-mutants-dir').fsPath, 'utf8')}${delimiter}${process.env.PATH ?? ''}`;
    const lens = await api();
    const lib = workspaceFile('src/lib.rs');
    const other = workspaceFile('src/other.rs');
    await waitFor(() => diagnosticRows(lib), (rows) => rows.length === 1, 'the survivor');
    assert.deepEqual(diagnosticRows(lib), CARGO_ROWS);
    assert.deepEqual(diagnosticRows(other), OTHER_ROWS);
    const source = readFileSync(lib.fsPath, 'utf8');
    writeFileSync(lib.fsPath, source.replace('assert!(is_free(0));', 'assert!(is_free(0));\n        assert!(!is_free(5));'));
    await vscode.window.showTextDocument(lib);
    const result = await vscode.commands.executeCommand<{ outcome: string; message: string | undefined }>('mutantLens.rerunFile', lib);
    assert.deepEqual(result, { outcome: 'success', message: undefined });
    await waitFor(() => diagnosticRows(lib).length, (n) => n === 0, 'the survivor to go', 60_000);
    assert.deepEqual(diagnosticRows(other), OTHER_ROWS);
    const outcomes = JSON.parse(readFileSync(workspaceFile('mutants.out/outcomes.json').fsPath, 'utf8')) as { outcomes: Array<{ summary: string; scenario: unknown }> };
    const summaries = outcomes.outcomes.map((o) => `${o.scenario === 'Baseline' ? 'baseline' : (o.scenario as { Mutant: { file: string } }).Mutant.file} ${o.summary}`);
    assert.deepEqual(summaries, ['baseline Success', 'src/other.rs MissedMutant', ...Array(8).fill('src/lib.rs CaughtMutant'), 'src/lib.rs Unviable']);
    assert.equal(existsSync(workspaceFile('mutants.out.old').fsPath), false);
    assert.deepEqual(lens.getReports().filter((r) => r.kind === 'mutation').map((r) => [r.tool, r.state]), [['cargo-mutants', 'ok']]);
  });
});
