import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';
import { findLogFile, readLog } from '../robustness/logFile';
import { inGroup, strykerProcessesIn } from './processes';

const REPORT = 'reports/mutation/mutation.json';
const WEAK_TEST = "it('gives zero of nothing', () => expect(percentOf(5, 0)).toBe(0));\n";
const NEW_SURVIVOR = [1, 6, 1, 17, 'Warning', 'ConditionalExpression', 'Survived: ConditionalExpression "whole === 0" → "false"'];

interface ReportFile {
  mutants: { mutatorName: string; replacement?: string; status: string; location: { start: { line: number; column: number } } }[];
}

/** Each file's mutants as sorted "line:column mutator replacement status" strings. */
function reportSummary(): Record<string, string[]> {
  const files = (JSON.parse(readFileSync(workspaceFile(REPORT).fsPath, 'utf8')) as { files: Record<string, ReportFile> }).files;
  const summary: Record<string, string[]> = {};
  for (const name of Object.keys(files).sort()) {
    summary[name] = files[name]!.mutants.map((m) => `${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${m.replacement ?? ''} ${m.status}`).sort();
  }
  return summary;
}

/**
 * Each file's entry as the model holds it (what the worker's fingerprint covers), as JSON, by key;
 * `withIds: false`: mutants without their ids and tests by file and name (Stryker numbers both afresh on every run).
 */
function reportEntries(withIds = true): Record<string, string> {
  const report = JSON.parse(readFileSync(workspaceFile(REPORT).fsPath, 'utf8')) as {
    files: Record<string, { language: string; source: string; mutants: Record<string, unknown>[] }>;
    testFiles?: Record<string, { tests: { id: string; name: string }[] }>;
  };
  const testNames = new Map(Object.entries(report.testFiles ?? {}).flatMap(([file, { tests }]) => tests.map((t): [string, string] => [t.id, `${file} ${t.name}`])));
  const tests = (ids: unknown): unknown => (withIds || !Array.isArray(ids) ? ids : ids.map((id: string) => testNames.get(id) ?? id).sort());
  const fields = (m: Record<string, unknown>): unknown[] => [m.mutatorName, m.replacement, m.description, m.status, m.statusReason, m.location, m.static, withIds ? m.id : undefined, tests(m.coveredBy), tests(m.killedBy)];
  return Object.fromEntries(Object.entries(report.files).map(([key, file]) => [key, JSON.stringify([file.language, file.source, file.mutants.map((m) => JSON.stringify(fields(m))).sort()])]));
}

function changedEntries(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]).sort();
}

function without(summary: Record<string, string[]>, file: string): Record<string, string[]> {
  const { [file]: _, ...rest } = summary;
  return rest;
}

async function editDocument(uri: vscode.Uri, change: (text: string) => string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), change(document.getText()));
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

async function rowsOnceSettled(uri: vscode.Uri, expected: unknown[]): Promise<unknown[]> {
  const lens = await api();
  return waitFor(async () => (await lens.settled(), diagnosticRows(uri)), (rows) => JSON.stringify(rows) === JSON.stringify(expected), `diagnostics of ${uri.fsPath}`, 30_000);
}

describe('rerun Stryker on the current file', function () {
  this.timeout(240_000);
  const percent = workspaceFile('src/percent.ts');
  const percentTest = workspaceFile('test/percent.test.ts');

  it('shows the exact new survivor after a test is weakened, drops it after the test is strengthened, and keeps every other file', async () => {
    await api();
    const before = reportSummary();
    const beforeWithoutIds = reportEntries(false);
    assert.deepEqual(Object.keys(before).length, 20);
    assert.deepEqual(diagnosticRows(percent), []);

    await editDocument(percentTest, (text) => text.replace(WEAK_TEST, ''));
    const lens = await api();
    const seenLive = new Set<string>();
    const listening = lens.onDidChange(() => {
      for (const m of lens.getMutants(percent)) if (m.live) seenLive.add(`${m.mutatorName} ${m.replacement} ${m.status} ${m.range.start.line}:${m.range.start.character}`);
    });
    try {
      assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunFile', percent), { outcome: 'success', message: undefined });
      assert.deepEqual(await rowsOnceSettled(percent, [NEW_SURVIVOR]), [NEW_SURVIVOR]);
    } finally {
      listening.dispose();
    }
    // The survivor showed while Stryker was still running, from its progress, before the report.
    assert.deepEqual([...seenLive], ['ConditionalExpression false Survived 1:6']);
    assert.deepEqual(lens.getMutants(percent).filter((m) => m.live), []);
    assert.deepEqual(without(reportSummary(), 'src/percent.ts'), without(before, 'src/percent.ts'));
    // Merged, not reloaded: Stryker numbers mutants and tests afresh on every run (all 20 entries differ
    // by their ids); the worker keeps the last load's ids, so only the files whose mutants or tests
    // really changed are sent and rebuilt, and the others keep their model objects. (Stryker's first
    // incremental run also writes `killedBy: []` where the full run left it out: those files changed.)
    const changed = changedEntries(beforeWithoutIds, reportEntries(false));
    const report = workspaceFile(REPORT).fsPath;
    const merged = readLog(findLogFile()).map((line) => line.text).filter((text) => text.startsWith(`${report}: `) && text.includes('files changed since the last load'));
    console.log(`[rerun] files changed apart from their ids: ${changed.join(', ')}; logged: ${merged.join(' | ')}`);
    assert.equal(changed.includes('src/percent.ts') && changed.length < 20, true, `changed: ${changed.join(', ')}`);
    // The first reload after the rerun brings the change; the watcher may see the report written twice,
    // and a second read of the same text changes nothing.
    const again = `${report}: 0 of 20 files changed since the last load; 20 kept as they were`;
    assert.deepEqual(merged, [`${report}: ${changed.length} of 20 files changed since the last load; ${20 - changed.length} kept as they were`, ...merged.slice(1).map(() => again)]);

    await editDocument(percentTest, (text) => text + WEAK_TEST);
    assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunFile', percent), { outcome: 'success', message: undefined });
    assert.deepEqual(await rowsOnceSettled(percent, []), []);
    assert.deepEqual(reportSummary(), before);
  });

  it('reruns only around the survivors and keeps the file\'s other mutants', async () => {
    const clamp = workspaceFile('src/clamp.ts');
    const before = reportSummary();
    const rows = diagnosticRows(clamp);
    assert.equal(rows.length, 2);
    assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunSurvivors', clamp), { outcome: 'success', message: undefined });
    await (await api()).settled();
    assert.deepEqual(reportSummary(), before);
    assert.deepEqual(diagnosticRows(clamp), rows);
  });

  it('cancel kills the whole Stryker process tree within 2 s and keeps the report and markers', async () => {
    const root = workspaceFile('').fsPath;
    const clamp = workspaceFile('src/clamp.ts');
    const reportBytes = readFileSync(workspaceFile(REPORT).fsPath);
    const rows = diagnosticRows(clamp);
    const pending = vscode.commands.executeCommand('mutantLens.rerunFile', workspaceFile('src/grade.ts'));
    const started = await waitFor(() => strykerProcessesIn(root), (procs) => procs.length >= 2, 'Stryker and a worker', 60_000);
    const group = started.find((p) => p.args.includes('bin/stryker.js'))?.pgid ?? -1;
    const cancelledAt = Date.now();
    assert.deepEqual(await vscode.commands.executeCommand('mutantLens.cancelRun'), { outcome: 'cancelled', message: undefined });
    assert.deepEqual(await pending, { outcome: 'cancelled', message: 'Mutation testing of src/grade.ts was cancelled; the previous report is kept.' });
    await waitFor(() => [...inGroup(group), ...strykerProcessesIn(root)], (left) => left.length === 0, 'no Stryker process left', 2000 - (Date.now() - cancelledAt));
    assert.deepEqual(readFileSync(workspaceFile(REPORT).fsPath), reportBytes);
    await (await api()).settled();
    assert.deepEqual(diagnosticRows(clamp), rows);
  });

  it('tells that the tests fail before any mutant, and keeps the report and markers', async () => {
    const clamp = workspaceFile('src/clamp.ts');
    const reportBytes = readFileSync(workspaceFile(REPORT).fsPath);
    const rows = diagnosticRows(clamp);
    await editDocument(percentTest, (text) => text.replace('toBe(33)', 'toBe(34)'));
    try {
      assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunFile', percent), {
        outcome: 'initialTestRunFailed',
        message: 'Mutation testing of src/percent.ts did not start: tests fail before any mutant (the initial test run failed). Fix the failing tests first.',
      });
    } finally {
      await editDocument(percentTest, (text) => text.replace('toBe(34)', 'toBe(33)'));
      await vscode.workspace.saveAll(false);
    }
    assert.deepEqual(readFileSync(workspaceFile(REPORT).fsPath), reportBytes);
    await (await api()).settled();
    assert.deepEqual(diagnosticRows(clamp), rows);
  });

  it('says how to install Stryker for a project without it, and starts nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutant-lens-no-stryker-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'package.json'), '{"name":"plain","devDependencies":{"vitest":"3.2.7"}}');
      writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
      const result = await vscode.commands.executeCommand('mutantLens.rerunFile', vscode.Uri.file(join(dir, 'src', 'a.ts')));
      assert.deepEqual(result, {
        outcome: 'notInstalled',
        message: 'StrykerJS is not installed in this project. Install it with `npm install --save-dev @stryker-mutator/core` (and a test runner plugin, e.g. @stryker-mutator/vitest-runner).',
      });
      assert.deepEqual(strykerProcessesIn(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
