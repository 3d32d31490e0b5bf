import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { MutantLensApi, PatchScore } from '../../../../src/api';
import { DashboardServer } from '../../../support/dashboardServer';
import { api, diagnosticRows, waitFor, workspaceFile } from '../../helpers';
import { findLogFile, readLog } from '../../robustness/logFile';

// Real git (feature/discounts checked out, main the base, no report committed at the merge base),
// the real report of the working tree, and a Dashboard on 127.0.0.1 serving `main`'s report: the
// same report with one survivor on a changed line killed. Exactly that survivor is new since main.
const MAIN = { project: 'github.com/acme/shop', version: 'main' };
type Mutant = { id: string; status: string; mutatorName: string; location: { start: { line: number; column: number } } };
type Report = { files: Record<string, { mutants: Mutant[] }> };

let server: DashboardServer;

/** `line:start-endLine:end mutator status onChangedLine newSinceBase` of the API's mutants of cart.ts on changed lines. */
function changedCartRows(lens: MutantLensApi): string[] {
  return lens
    .getMutants(workspaceFile('src/cart.ts'))
    .filter((m) => m.onChangedLine)
    .map((m) => `${m.range.start.line}:${m.range.start.character}-${m.range.end.line}:${m.range.end.character} ${m.mutatorName} ${m.status} ${String(m.onChangedLine)} ${String(m.newSinceBase)}`);
}

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

/** The diagnostics of cart.ts's changed line 24 (0-based): line, column, mutator, message. */
function line24(): string[] {
  return diagnosticRows(workspaceFile('src/cart.ts'))
    .filter((row) => row[0] === 24)
    .map((row) => `${row[0]}:${row[1]} ${row[5]} ${row[6]}`);
}

describe("the Dashboard's report of the base branch as the base of `new since <base>`", () => {
  before(async () => {
    server = new DashboardServer();
    await server.start();
    const report = JSON.parse(await fs.readFile(workspaceFile('reports/mutation/mutation.json').fsPath, 'utf8')) as Report;
    // cart.ts line 25 (1-based), `if (quantity >= 20) return 5;`: its ConditionalExpression survivor, killed on main.
    const killed = report.files['src/cart.ts']?.mutants.find((m) => m.status === 'Survived' && m.mutatorName === 'ConditionalExpression' && m.location.start.line === 25 && m.location.start.column === 7);
    if (killed === undefined) throw new Error('fixture changed: the survivor on cart.ts line 25 is not there');
    killed.status = 'Killed';
    server.setReport(MAIN, report);
  });

  after(async () => {
    await server.stop();
    for (const line of readLog(findLogFile())) console.log(`[Mutant Lens log] ${JSON.stringify(line)}`);
  });

  it('asks nothing while no Dashboard project is set: no base, nothing is new', async () => {
    const lens = await api();
    const score = await settledScore(lens, (s) => s.mutants > 0, 'the patch score');
    assert.equal(score.newSurvivors, undefined);
    assert.deepEqual(server.requests, []);
  });

  it('marks exactly the survivor that main killed `new since main`', async () => {
    const lens = await api();
    const config = vscode.workspace.getConfiguration('mutantLens.dashboard');
    await config.update('baseUrl', server.url(), vscode.ConfigurationTarget.Global);
    await config.update('project', MAIN.project, vscode.ConfigurationTarget.Workspace);
    const score = await settledScore(lens, (s) => s.newSurvivors !== undefined, 'a base from the Dashboard');
    assert.equal(score.newSurvivors, 1);
    assert.equal(lens.getPatchScore(workspaceFile('src/cart.ts')).newSurvivors, 1);
    assert.deepEqual(changedCartRows(lens), [
      '24:6-24:20 ConditionalExpression Survived true true',
      '24:6-24:20 EqualityOperator Survived true false',
      '29:6-29:32 ConditionalExpression Survived true false',
      '29:25-29:32 StringLiteral Survived true false',
      '29:52-29:62 ArithmeticOperator NoCoverage true false',
    ]);
    assert.deepEqual(line24(), [
      '24:6 ConditionalExpression Survived: ConditionalExpression "quantity >= 20" → "false" (new since main)',
      '24:6 EqualityOperator Survived: EqualityOperator "quantity >= 20" → "quantity > 20"',
    ]);
    // The current branch's report (none on the Dashboard: the local report is the one shown) and main's, the base.
    assert.deepEqual([...new Set(server.requests.map((r) => `${r.method} ${r.url}`))].sort(), ['GET /api/reports/github.com/acme/shop/feature/discounts', 'GET /api/reports/github.com/acme/shop/main']);
  });

  it('asks the Dashboard for `main` when the diff base is `origin/main`, and says `new since origin/main`', async () => {
    const lens = await api();
    const asked = server.requests.length;
    await vscode.workspace.getConfiguration('mutantLens').update('diffBase', 'origin/main', vscode.ConfigurationTarget.Workspace);
    const rows = await waitFor(line24, (r) => r[0]?.endsWith('(new since origin/main)') === true, 'the base named origin/main', 30_000);
    assert.deepEqual(rows, [
      '24:6 ConditionalExpression Survived: ConditionalExpression "quantity >= 20" → "false" (new since origin/main)',
      '24:6 EqualityOperator Survived: EqualityOperator "quantity >= 20" → "quantity > 20"',
    ]);
    assert.equal((await settledScore(lens, (s) => s.newSurvivors !== undefined, 'the score')).newSurvivors, 1);
    assert.deepEqual([...new Set(server.requests.slice(asked).map((r) => `${r.method} ${r.url}`))], ['GET /api/reports/github.com/acme/shop/main']);
  });
});
