import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { DashboardServer } from '../../../support/dashboardServer';
import { api, diagnosticRows, waitFor, workspaceFile } from '../../helpers';
import { CART_DIAGNOSTICS } from '../../mutations/expected';
import { findLogFile, readLog } from '../../robustness/logFile';

const ID = { project: 'github.com/acme/shop', version: 'feat/dash-board' };
const UNTRUSTED = 'The Dashboard report is not fetched in an untrusted workspace unless mutantLens.dashboard.baseUrl is set in your user settings';

describe('the Dashboard in an untrusted workspace', () => {
  let server: DashboardServer;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    server = new DashboardServer();
    await server.start();
    server.setReport(ID, await fs.readFile(workspaceFile('fixture-report.json').fsPath, 'utf8'));
    await api();
  });

  after(async () => {
    await server.stop();
  });

  it('fetches nothing while the base URL is only the default, and says so once', async () => {
    await vscode.workspace.getConfiguration('mutantLens.dashboard').update('project', ID.project, vscode.ConfigurationTarget.Workspace);
    const said = await waitFor(() => readLog(findLogFile()).filter((line) => line.text === UNTRUSTED), (lines) => lines.length > 0, 'the untrusted message');
    assert.deepEqual(said, [{ level: 'warning', text: UNTRUSTED }]);
    assert.deepEqual((await api()).getReports().filter((report) => report.path.startsWith('http')), []);
    assert.deepEqual(server.requests, []);
  });

  it('fetches once the base URL is set in the user settings', async () => {
    await vscode.workspace.getConfiguration('mutantLens.dashboard').update('baseUrl', server.url(), vscode.ConfigurationTarget.Global);
    assert.deepEqual(await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')), (rows) => rows.length === 14, 'the Dashboard report'), CART_DIAGNOSTICS);
    assert.deepEqual(server.requests.map((request) => request.url), ['/api/reports/github.com/acme/shop/feat/dash-board', '/api/real-time/github.com/acme/shop/feat/dash-board']);
  });
});
