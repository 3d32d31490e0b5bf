import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';

interface Report {
  schemaVersion?: string;
  thresholds?: unknown;
  projectRoot?: string;
  files: Record<string, { mutants: Array<{ status: string }> }>;
}

// A first load shows the active editor's file before the whole report is parsed (the worker's
// early files); when the whole report then breaks the schema, what it showed is withdrawn.

describe('a first load of a report', () => {
  const root = (): string => workspaceFile('').fsPath;
  const late = (): string => workspaceFile('packages/late/reports/mutation/mutation.json').fsPath;
  const lateHeadFirst = (): string => workspaceFile('packages/late-head-first/reports/mutation/mutation.json').fsPath;

  after(async () => {
    await fs.rm(workspaceFile('packages').fsPath, { recursive: true, force: true });
    const lens = await api();
    await waitFor(() => lens.getReports().some((r) => r.path === late() || r.path === lateHeadFirst()), (present) => !present, 'the late reports to go');
  });

  it('withdraws the active file it showed early when the whole report then breaks the schema', async () => {
    await showsEarlyThenWithdraws(late(), (report) => report);
  });

  // Stryker.NET's order: the report-level members first, so the worker's scan stops at the active file's key; the broken entry comes after it.
  it('withdraws it too when the scan stopped at the active file\'s key', async () => {
    await showsEarlyThenWithdraws(lateHeadFirst(), ({ files, schemaVersion, thresholds, projectRoot, ...rest }) => ({ schemaVersion, thresholds, projectRoot, ...rest, files: cartFirst(files) }));
  });

  function cartFirst(files: Report['files']): Report['files'] {
    const { 'src/cart.ts': cart, ...others } = files;
    return cart === undefined ? files : { 'src/cart.ts': cart, ...others };
  }

  async function showsEarlyThenWithdraws(target: string, ordered: (report: Report) => Report): Promise<void> {
    const lens = await api();
    await vscode.window.showTextDocument(workspaceFile('src/cart.ts'));
    const before = diagnosticRows(workspaceFile('src/cart.ts'));
    const report = JSON.parse(await fs.readFile(workspaceFile('reports/mutation/mutation.json').fsPath, 'utf8')) as Report;
    report.projectRoot = root();
    const other = Object.keys(report.files).find((key) => key !== 'src/cart.ts') as string;
    (report.files[other]?.mutants[0] as { status: string }).status = 'Bogus';
    const seen: string[] = [];
    const listening = lens.onDidChange(() => {
      const state = lens.getReports().find((r) => r.path === target);
      const line = state === undefined ? 'none' : `${state.state} [${state.files.map((file) => path.relative(root(), file)).join(', ')}]`;
      if (seen[seen.length - 1] !== line) seen.push(line);
    });
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(`${target}.tmp`, JSON.stringify(ordered(report)));
      await fs.rename(`${target}.tmp`, target);
      const state = await waitFor(() => lens.getReports().find((r) => r.path === target), (r) => r?.state === 'invalid', 'the late report to be invalid');
      assert.deepEqual({ state: state?.state, reason: state?.reason, files: state?.files }, { state: 'invalid', reason: `is not a valid mutation report: /files/${other.replace(/\//g, '~1')}/mutants/0/status must be equal to one of the allowed values`, files: [] });
      assert.deepEqual(seen, ['loading [src/cart.ts]', 'loading []', 'invalid []']);
      // The good report's markers were never touched.
      assert.deepEqual(diagnosticRows(workspaceFile('src/cart.ts')), before);
    } finally {
      listening.dispose();
    }
  }
});
