import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticRows, workspaceFile } from '../helpers';
import { CART_DIAGNOSTICS } from './expected';

describe('mutants in the Problems panel', () => {
  it('lists every survivor of a file that is not open, with exact message, range, severity and code', async () => {
    await api();
    assert.deepEqual(diagnosticRows(workspaceFile('src/cart.ts')), CART_DIAGNOSTICS);
  });

  it('lists NoCoverage mutants as Information', async () => {
    await api();
    const rows = diagnosticRows(workspaceFile('src/format.ts')).filter((row) => row[6].startsWith('NoCoverage'));
    assert.deepEqual(rows, [
      [14, 55, 14, 57, 'Information', 'StringLiteral', `NoCoverage: StringLiteral "''" → ""Stryker was here!""`],
      [26, 9, 26, 44, 'Information', 'MethodExpression', 'NoCoverage: MethodExpression "text.slice(0, Math.max(0, max - 1))" → "text"'],
      [26, 23, 26, 43, 'Information', 'MethodExpression', 'NoCoverage: MethodExpression "Math.max(0, max - 1)" → "Math.min(0, max - 1)"'],
      [26, 35, 26, 42, 'Information', 'ArithmeticOperator', 'NoCoverage: ArithmeticOperator "max - 1" → "max + 1"'],
      [26, 47, 26, 50, 'Information', 'StringLiteral', `NoCoverage: StringLiteral "'…'" → """"`],
    ]);
  });

  it('answers the shown mutants through the API, in document order', async () => {
    const lens = await api();
    const mutants = lens.getMutants(workspaceFile('src/cart.ts'));
    assert.equal(mutants.length, 14);
    assert.deepEqual(
      mutants.slice(0, 2).map(({ status, mutatorName, replacement, range, stale, live }) => ({ status, mutatorName, replacement, range, stale, live })),
      [
        { status: 'Survived', mutatorName: 'EqualityOperator', replacement: 'quantity > 100', range: { start: { line: 23, character: 6 }, end: { line: 23, character: 21 } }, stale: false, live: false },
        { status: 'Survived', mutatorName: 'ConditionalExpression', replacement: 'false', range: { start: { line: 24, character: 6 }, end: { line: 24, character: 20 } }, stale: false, live: false },
      ],
    );
    assert.equal(mutants[0]?.report, workspaceFile('reports/mutation/mutation.json').fsPath);
    assert.equal(Object.isFrozen(mutants), true);
    assert.equal(Object.isFrozen(mutants[0]), true);
  });

  it('reports the loaded report with the files it covers', async () => {
    const lens = await api();
    const reports = lens.getReports().filter((report) => report.kind === 'mutation');
    assert.deepEqual(reports, [
      {
        path: workspaceFile('reports/mutation/mutation.json').fsPath,
        kind: 'mutation',
        tool: 'stryker-js',
        state: 'ok',
        reason: undefined,
        files: ['src/format.ts', 'src/validate.ts', 'src/cart.ts', 'src/shipping.ts'].map((file) => workspaceFile(file).fsPath),
      },
    ]);
  });

  it('follows the severity setting', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('mutantLens');
    await config.update('diagnostics.survivedSeverity', 'Error', vscode.ConfigurationTarget.Workspace);
    try {
      const first = await waitForSeverity('Error');
      assert.deepEqual(first, [23, 6, 23, 21, 'Error', 'EqualityOperator', 'Survived: EqualityOperator "quantity >= 100" → "quantity > 100"']);
    } finally {
      await config.update('diagnostics.survivedSeverity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForSeverity('Warning');
  });
});

async function waitForSeverity(severity: string): Promise<unknown> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const first = diagnosticRows(workspaceFile('src/cart.ts'))[0];
    if (first?.[4] === severity) return first;
    if (Date.now() > deadline) throw new Error(`severity stayed ${String(first?.[4])}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
