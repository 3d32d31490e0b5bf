import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFile } from '../helpers';
import { encodeArgs, hoverTexts } from '../hover/helpers';
import { findLogFile, readLog } from '../robustness/logFile';

const SUMMARY_ONLY_REASON =
  'has line totals but no line records (LF/LH without DA, as `cargo llvm-cov --summary-only` writes it), so no line can be marked; write it without --summary-only';

describe('reports in other tools\' shapes, read exactly (real VS Code)', () => {
  it('says once, at warning level, that a summary-only lcov has no line records, and marks nothing', async () => {
    const lens = await api();
    const lcov = workspaceFile('rust/coverage/lcov.info').fsPath;
    const coverage = await waitFor(() => lens.getReports().filter((r) => r.kind === 'coverage'), (r) => r.length === 1 && r[0]?.state !== 'loading', 'the lcov file read');
    assert.deepEqual(coverage, [{ path: lcov, kind: 'coverage', state: 'invalid', reason: SUMMARY_ONLY_REASON, files: [] }]);
    const log = readLog(findLogFile()).filter((line) => line.text.includes(lcov));
    assert.deepEqual(log, [{ level: 'warning', text: `Coverage ${lcov} ${SUMMARY_ONLY_REASON}.` }]);
    assert.deepEqual(lens.getUncoveredChangedLines(workspaceFile('rust/src/lib.rs')), []);
  });

  it('hovers a whole-line pitest mutant as its description, marked whole line, instead of a diff', async () => {
    const uri = workspaceFile('java/src/main/java/com/example/Cart.java');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lens = await api();
    await waitFor(() => lens.getMutants(uri).length, (n) => n > 0, 'the pitest mutants');
    // No "Open diff" (nothing to diff) and no "Disable with comment" (pitest): only the rerun link.
    const rerun = `[Rerun this file](command:mutantLens.rerunFile?${encodeArgs([uri])})`;
    assert.deepEqual(await hoverTexts(uri, 5, 12), [[`**Survived** · ConditionalsBoundaryMutator\n\nWhole line: changed conditional boundary\n\n${rerun}`]]);
    assert.deepEqual(await hoverTexts(uri, 15, 12), [
      [
        `**NoCoverage** · ConditionalsBoundaryMutator\n\nWhole line: changed conditional boundary\n\n${rerun}`,
        `**NoCoverage** · NegateConditionalsMutator\n\nWhole line: negated conditional\n\n${rerun}`,
      ],
    ]);
  });

  it('loads a Stryker.NET report with numeric ids and schemaVersion, saying so in one log line', async () => {
    const lens = await api();
    const report = workspaceFile('net/StrykerOutput/2024-01-01.00-00-00/reports/mutation-report.json').fsPath;
    const mutants = await waitFor(() => lens.getMutants(workspaceFile('net/src/Shop/Price.cs')), (m) => m.length > 0, 'the Stryker.NET mutants');
    assert.deepEqual(
      mutants.map((m) => [m.id, m.status, m.replacement, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character]),
      [['1', 'Survived', 'quantity > 100', 4, 47, 4, 62]],
    );
    const log = readLog(findLogFile()).filter((line) => line.text.startsWith(`${report}:`));
    assert.deepEqual(log, [
      { level: 'info', text: `${report}: read 2 numeric mutant ids and the numeric schemaVersion 1 as strings (the schema asks for strings; the official report viewer shows such reports)` },
    ]);
  });
});
