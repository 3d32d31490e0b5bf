import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cases, expected, GOOD_ROWS, reportPath, writeCase, type HostileCase } from '../../fixtures/reports/hostile/cases.mjs';
import { CORPUS_CASES } from '../../unit/robustness/figures';
import { api, diagnosticRows, waitFor } from '../helpers';
import { watchFaults, type FaultWatch } from './faults';
import { findLogFile, readLog, type LogLine } from './logFile';

const root = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const plainCases = (): HostileCase[] => cases.filter((c) => c.source === undefined);
const caseDir = (c: HostileCase): string => path.join(root(), c.name);
const sourceOf = (c: HostileCase): vscode.Uri => vscode.Uri.file(path.join(caseDir(c), 'src/a.ts'));
/** Lines about one report: they name its path followed by a space or a colon. */
const about = (lines: readonly LogLine[], report: string): LogLine[] => lines.filter((l) => l.text.includes(`${report} `) || l.text.includes(`${report}:`));

describe(`the hostile corpus in the real VS Code (${CORPUS_CASES} cases)`, () => {
  let faults: FaultWatch;
  let logFile = '';
  let logStart = 0;

  before(async () => {
    faults = watchFaults();
    const lens = await api();
    logFile = findLogFile();
    await waitFor(() => lens.getReports().filter((r) => r.kind === 'mutation' && r.state === 'ok').length, (n) => n === cases.length + 1, 'every good report to load', 30_000);
    // (Cases with a source of their own show the good report's mutant as stale until then.)
    const plain = cases.filter((c) => c.source === undefined);
    assert.deepEqual(plain.map((c) => diagnosticRows(sourceOf(c))), plain.map(() => GOOD_ROWS));
    logStart = readLog(logFile).length;
    for (const c of cases) writeCase(caseDir(c), c);
  });

  after(() => faults.stop());

  it('answers for every case: the state and reason of the report, the markers shown, and one log line each', async () => {
    const lens = await api();
    const since = (): LogLine[] => readLog(logFile).slice(logStart);
    const wanted = cases.map((c) => ({ name: c.name, report: reportPath(caseDir(c), c), ...expected(caseDir(c), c) }));
    // Each case leaves a line when it is read: "Loaded …" or the warning; then the state settles.
    await waitFor(() => wanted.filter((w) => about(since(), w.report).length === 0).map((w) => w.name), (left) => left.length === 0, 'a log line about every case', 40_000);
    await lens.settled();
    const actual = cases.map((c, i) => {
      const report = wanted[i]?.report ?? '';
      const state = lens.getReports().find((r) => r.path === report);
      return {
        name: c.name,
        api: { state: state?.state, reason: state?.reason },
        rows: diagnosticRows(sourceOf(c)),
        log: about(since(), report).filter((l) => l.level !== 'info').map((l) => l.text),
      };
    });
    assert.deepEqual(actual, wanted.map((w) => ({ name: w.name, api: w.api, rows: w.rows, log: w.log })));
  });

  it('logs each refused report at warning level, exactly once', () => {
    const since = readLog(logFile).slice(logStart);
    const refused = cases.filter((c) => c.api.state === 'invalid');
    assert.deepEqual(
      refused.map((c) => about(since, reportPath(caseDir(c), c)).filter((l) => l.level === 'warning').length),
      refused.map(() => 1),
    );
  });

  it('keeps the extension host up: the API answers, every report is listed once, nothing was rejected unhandled', async () => {
    const lens = await api();
    const paths = lens.getReports().filter((r) => r.kind === 'mutation').map((r) => r.path);
    assert.deepEqual([paths.length, new Set(paths).size], [cases.length + 1, cases.length + 1]);
    assert.deepEqual(faults.faults, []);
  });

  it('recovers every case when the good report comes back', async () => {
    const lens = await api();
    const { GOOD, html, HTML_FILE } = await import('../../fixtures/reports/hostile/cases.mjs');
    const { writeFileSync } = await import('node:fs');
    for (const c of cases) writeFileSync(reportPath(caseDir(c), c), c.file === HTML_FILE ? html(GOOD) : GOOD);
    await waitFor(
      () => plainCases().filter((c) => lens.getReports().find((r) => r.path === reportPath(caseDir(c), c))?.state !== 'ok' || JSON.stringify(diagnosticRows(sourceOf(c))) !== JSON.stringify(GOOD_ROWS)).map((c) => c.name),
      (left) => left.length === 0,
      'every case to show the good report again',
      30_000,
    );
    assert.deepEqual(faults.faults, []);
  });
});
