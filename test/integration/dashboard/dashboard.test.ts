import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { ReportState } from '../../../src/api';
import { DashboardServer } from '../../support/dashboardServer';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';
import { findLogFile, readLog } from '../robustness/logFile';
import { CART_DIAGNOSTICS } from '../mutations/expected';

// A Dashboard on 127.0.0.1 started here, in the extension host, on a free port; stopped by the tests.
const ID = { project: 'github.com/acme/shop', version: 'feat/dash-board', module: 'shop' };
type Report = { files: Record<string, { mutants: Array<{ id: string; status: string; replacement?: string }> }> };

let server: DashboardServer;
let fixture = '';
let reportUrl = '';

function report(change?: (report: Report) => void): Report {
  const value = JSON.parse(fixture) as Report;
  change?.(value);
  return value;
}

/** The first survivor of src/cart.ts (quantity >= 100 → quantity > 100). */
function firstCartSurvivor(value: Report): { id: string; status: string } {
  const mutant = value.files['src/cart.ts']?.mutants.find((m) => m.status === 'Survived' && m.replacement === 'quantity > 100');
  if (mutant === undefined) throw new Error('fixture changed: survivor not found');
  return mutant;
}

/** A survivor of src/cart.ts by replacement and 1-based line. */
function cartSurvivor(value: Report, replacement: string, line: number): { id: string } {
  const mutant = value.files['src/cart.ts']?.mutants.find((m) => m.status === 'Survived' && m.replacement === replacement && (m as { location?: { start: { line: number } } }).location?.start.line === line);
  if (mutant === undefined) throw new Error('fixture changed: survivor not found');
  return mutant;
}

const cart = (): ReturnType<typeof diagnosticRows> => diagnosticRows(workspaceFile('src/cart.ts'));

async function dashboardEntry(): Promise<ReportState | undefined> {
  return (await api()).getReports().find((entry) => entry.path === reportUrl);
}

describe('the Stryker Dashboard as a report source', () => {
  before(async () => {
    fixture = await fs.readFile(workspaceFile('fixture-report.json').fsPath, 'utf8');
    server = new DashboardServer();
    const base = await server.start();
    reportUrl = `${base}/api/reports/github.com/acme/shop/feat/dash-board?module=shop`;
    // The served report has the first cart survivor killed, so that it differs from the local report.
    server.setReport(ID, report((value) => (firstCartSurvivor(value).status = 'Killed')));
    await api();
    const config = vscode.workspace.getConfiguration('mutantLens.dashboard');
    await config.update('baseUrl', base, vscode.ConfigurationTarget.Global);
    await config.update('module', 'shop', vscode.ConfigurationTarget.Workspace);
    // Setting the project starts the fetch; the version is the branch read from .git/HEAD.
    await config.update('project', ID.project, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await server.stop();
    // The extension's log of this suite, kept in test-results/logs/dashboard.log by the harness.
    for (const line of readLog(findLogFile())) console.log(`[Mutant Lens log] ${JSON.stringify(line)}`);
  });

  it("shows the Dashboard report's survivors exactly, from the derived branch with slashes and the module", async () => {
    const rows = await waitFor(cart, (r) => r.length === 13, '13 cart diagnostics from the Dashboard');
    assert.deepEqual(rows, CART_DIAGNOSTICS.slice(1));
    assert.equal(server.requests[0]?.url, '/api/reports/github.com/acme/shop/feat/dash-board?module=shop');
    assert.deepEqual(await dashboardEntry(), {
      path: reportUrl,
      kind: 'mutation',
      state: 'ok',
      reason: undefined,
      files: ['src/format.ts', 'src/validate.ts', 'src/cart.ts', 'src/shipping.ts'].map((file) => workspaceFile(file).fsPath),
      tool: 'unknown',
    });
    assert.equal((await api()).getMutants(workspaceFile('src/cart.ts'))[0]?.report, reportUrl);
  });

  it('gives way to a local report of the same package, and comes back when it goes', async () => {
    const local = workspaceFile('reports/mutation/mutation.json').fsPath;
    await fs.writeFile(`${local}.tmp`, fixture);
    await fs.rename(`${local}.tmp`, local);
    assert.deepEqual(await waitFor(cart, (r) => r.length === 14, 'the local report'), CART_DIAGNOSTICS);
    assert.equal((await api()).getMutants(workspaceFile('src/cart.ts'))[0]?.report, local);
    await fs.rm(local);
    assert.deepEqual(await waitFor(cart, (r) => r.length === 13, 'the Dashboard report again'), CART_DIAGNOSTICS.slice(1));
  });

  it('follows the branch: a checkout shows that branch\'s report', async () => {
    server.setReport({ ...ID, version: 'main' }, fixture);
    const head = workspaceFile('.git/HEAD').fsPath;
    await fs.writeFile(head, 'ref: refs/heads/main\n');
    assert.deepEqual(await waitFor(cart, (r) => r.length === 14, "main's report"), CART_DIAGNOSTICS);
    assert.equal((await api()).getMutants(workspaceFile('src/cart.ts'))[0]?.report, reportUrl.replace('feat/dash-board', 'main'));
    await fs.writeFile(head, 'ref: refs/heads/feat/dash-board\n');
    assert.deepEqual(await waitFor(cart, (r) => r.length === 13, "the branch's report again"), CART_DIAGNOSTICS.slice(1));
    assert.deepEqual((await api()).getReports().filter((report) => report.path.startsWith('http')).map((report) => report.path), [reportUrl]);
  });

  it("follows a CI run in progress: each tested mutant's marker as it comes, then the final report", async () => {
    server.startRun(ID, report((value) => Object.values(value.files).forEach((file) => file.mutants.forEach((m) => (m.status = 'Pending')))));
    await vscode.commands.executeCommand('mutantLens.loadDashboardReport', { project: ID.project, version: ID.version, module: ID.module });
    await waitFor(() => server.listeners(ID), (n) => n === 1, 'the event stream to open');
    // The Dashboard sends the response head with the first event; then the run's report (every
    // mutant Pending) replaces the last final one, and each result shows as it comes.
    server.mutantTested(ID, { id: firstCartSurvivor(report()).id, status: 'Survived' });
    assert.deepEqual(await waitFor(cart, (r) => r.length === 1, 'one survivor, live'), [CART_DIAGNOSTICS[0]]);
    assert.equal((await api()).getMutants(workspaceFile('src/cart.ts'))[0]?.status, 'Survived');
    server.mutantTested(ID, { id: cartSurvivor(report(), 'false', 25).id, status: 'Survived' });
    assert.deepEqual(await waitFor(cart, (r) => r.length === 2, 'a second survivor, live'), CART_DIAGNOSTICS.slice(0, 2));
    server.finishRun(ID, report());
    assert.deepEqual(await waitFor(cart, (r) => r.length === 14, 'the final report'), CART_DIAGNOSTICS);
    await waitFor(() => server.listeners(ID), (n) => n === 0, 'the event stream to close');
  });

  it('keeps the last good report when the server is gone, and says why', async () => {
    await server.stop();
    await vscode.commands.executeCommand('mutantLens.loadDashboardReport', { project: ID.project, version: ID.version, module: ID.module });
    const entry = await waitFor(dashboardEntry, (e) => e?.state === 'invalid', 'the failure to be recorded');
    assert.deepEqual({ state: entry?.state, reason: entry?.reason }, { state: 'invalid', reason: 'cannot be reached (ECONNREFUSED)' });
    assert.deepEqual(cart(), CART_DIAGNOSTICS);
  });

  it('shows the copy cached in global storage when a report is asked for again while offline', async () => {
    await vscode.commands.executeCommand('mutantLens.loadDashboardReport', { project: 'github.com/acme/other', version: ID.version, module: ID.module });
    const other = reportUrl.replace('acme/shop', 'acme/other');
    await waitFor(cart, (r) => r.length === 0, 'the markers of the report that is no longer asked for to go');
    assert.deepEqual((await api()).getReports().filter((report) => report.path.startsWith('http')).map(({ path, state, reason, files }) => ({ path, state, reason, files })), [
      { path: other, state: 'invalid', reason: 'cannot be reached (ECONNREFUSED)', files: [] },
    ]);
    await vscode.commands.executeCommand('mutantLens.loadDashboardReport', { project: ID.project, version: ID.version, module: ID.module });
    assert.deepEqual(await waitFor(cart, (r) => r.length === 14, 'the cached copy'), CART_DIAGNOSTICS);
    const entry = await waitFor(dashboardEntry, (e) => e?.state === 'invalid', 'the failure to be recorded');
    assert.deepEqual({ state: entry?.state, reason: entry?.reason }, { state: 'invalid', reason: 'cannot be reached (ECONNREFUSED)' });
  });
});
