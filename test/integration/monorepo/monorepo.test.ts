import * as assert from 'node:assert/strict';
import { api, diagnosticRows, workspaceFile } from '../helpers';

describe('a monorepo with one report per package', () => {
  it('loads each package report, resolving its keys against its own package', async () => {
    const lens = await api();
    const reports = lens.getReports().filter((report) => report.kind === 'mutation');
    assert.deepEqual(
      reports.map((report) => ({ path: report.path, state: report.state, files: [...report.files].sort() })),
      [
        {
          path: workspaceFile('packages/alpha/reports/mutation/mutation.json').fsPath,
          state: 'ok',
          files: ['cart.ts', 'format.ts', 'shipping.ts', 'validate.ts'].map((f) => workspaceFile(`packages/alpha/src/${f}`).fsPath),
        },
        {
          path: workspaceFile('packages/beta/reports/mutation/mutation.json').fsPath,
          state: 'ok',
          files: ['format.ts', 'slug.ts'].map((f) => workspaceFile(`packages/beta/src/${f}`).fsPath),
        },
      ],
    );
  });

  it('shows beta\'s survivors on beta\'s format.ts, not alpha\'s', async () => {
    await api();
    assert.deepEqual(diagnosticRows(workspaceFile('packages/beta/src/format.ts')), [
      [7, 9, 9, 38, 'Warning', 'MethodExpression', `Survived: MethodExpression "name .split(' ') .filter((part) => part.length > 0)" → "name.split(' ')"`],
      [9, 22, 9, 37, 'Warning', 'ConditionalExpression', 'Survived: ConditionalExpression "part.length > 0" → "true"'],
      [9, 22, 9, 37, 'Warning', 'EqualityOperator', 'Survived: EqualityOperator "part.length > 0" → "part.length >= 0"'],
    ]);
    assert.equal(diagnosticRows(workspaceFile('packages/alpha/src/format.ts')).filter((row) => row[4] === 'Warning').length, 11);
  });

  it('answers mutants per file from the right report', async () => {
    const lens = await api();
    const beta = lens.getMutants(workspaceFile('packages/beta/src/slug.ts'));
    assert.deepEqual(new Set(beta.map((m) => m.report)), new Set([workspaceFile('packages/beta/reports/mutation/mutation.json').fsPath]));
    assert.deepEqual(beta.map((m) => `${m.status} ${m.mutatorName} ${m.range.start.line}:${m.range.start.character}`), [
      'NoCoverage BlockStatement 7:46',
      'NoCoverage ConditionalExpression 8:9',
      'NoCoverage EqualityOperator 8:9',
      'NoCoverage EqualityOperator 8:9',
      'NoCoverage ConditionalExpression 8:9',
      'NoCoverage ConditionalExpression 8:9',
      'NoCoverage LogicalOperator 8:9',
      'NoCoverage ConditionalExpression 8:28',
      'NoCoverage EqualityOperator 8:28',
    ]);
  });
});
