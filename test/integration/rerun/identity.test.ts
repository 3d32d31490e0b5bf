import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ModelIdentity } from '../../../src/mutation/testHooks';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';
import { findLogFile, readLog } from '../robustness/logFile';

// Issue 15: after a one-file rerun, the other files keep their model objects (a merge, not a
// reload) and the rerun file's markers are exact. Object identity is read through the test-only
// command mutantLens.test.modelIdentity (src/mutation/testHooks.ts): per file, a number for the
// file's model object and one per mutant object.
//
// Stryker rewrites the whole report on every run and numbers mutants and tests afresh: a one-file
// rerun after a full run rewrites every file's entry (incremental-style mutant ids, renumbered
// test ids in killedBy/coveredBy). A file whose entry is the same apart from those numbers (its
// tests told by file and name) must keep its objects; on a rerun that changes no test, that is
// every file but the rerun one.

const REPORT = 'reports/mutation/mutation.json';
const WEAK_TEST = "it('gives zero of nothing', () => expect(percentOf(5, 0)).toBe(0));\n";
const NEW_SURVIVOR = [1, 6, 1, 17, 'Warning', 'ConditionalExpression', 'Survived: ConditionalExpression "whole === 0" → "false"'];
const UNTESTED = 'export function half(n: number): number {\n  return n / 2;\n}\n';

interface ReportJson {
  readonly files: Record<string, { language: string; source: string; mutants: Array<Record<string, unknown>> }>;
  readonly testFiles?: Record<string, { tests: Array<{ id: string; name: string }> }>;
}

/** Each file entry of the report on disk as JSON text, by key: without mutant ids, its tests named by file and name instead of by id. */
function reportEntries(): Record<string, string> {
  const report = JSON.parse(readFileSync(workspaceFile(REPORT).fsPath, 'utf8')) as ReportJson;
  const testName = new Map<string, string>();
  for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) for (const test of tests) testName.set(test.id, `${file} ${test.name}`);
  const named = (ids: unknown): string[] | undefined => (Array.isArray(ids) ? ids.map((id) => testName.get(String(id)) ?? `unknown test ${String(id)}`).sort() : undefined);
  const fields = ['mutatorName', 'replacement', 'description', 'status', 'statusReason', 'location', 'static'];
  return Object.fromEntries(
    Object.keys(report.files)
      .sort()
      .map((key) => {
        const file = report.files[key]!;
        const mutants = file.mutants.map((mutant) => [...fields.map((field) => mutant[field]), named(mutant.killedBy), named(mutant.coveredBy)]);
        return [key, JSON.stringify([file.language, file.source, mutants])];
      }),
  );
}

function changedKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
}

async function modelIdentity(): Promise<Record<string, number[]>> {
  const identity = await vscode.commands.executeCommand<ModelIdentity>('mutantLens.test.modelIdentity');
  assert.deepEqual(Object.keys(identity), [workspaceFile(REPORT).fsPath]);
  return identity[workspaceFile(REPORT).fsPath]!;
}

/** The files whose file object and every mutant object are the same as before. */
function keptFiles(before: Record<string, number[]>, after: Record<string, number[]>): string[] {
  return Object.keys(after).filter((file) => JSON.stringify(after[file]) === JSON.stringify(before[file])).sort();
}

async function editDocument(uri: vscode.Uri, change: (text: string) => string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), change(document.getText()));
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}

function loadLog(): string[] {
  const report = workspaceFile(REPORT).fsPath;
  return readLog(findLogFile()).map((line) => line.text).filter((text) => text.startsWith(`Loaded ${report}`) || text.includes('files changed since the last load'));
}

/** Reruns src/percent.ts and waits for its markers; returns which report entries changed and which files kept their model objects. */
async function rerunPercent(expectedRows: unknown[]): Promise<{ changed: string[]; kept: string[]; before: Record<string, number[]>; after: Record<string, number[]> }> {
  const percent = workspaceFile('src/percent.ts');
  const lens = await api();
  const entries = reportEntries();
  const before = await modelIdentity();
  assert.deepEqual(await vscode.commands.executeCommand('mutantLens.rerunFile', percent), { outcome: 'success', message: undefined });
  await waitFor(async () => (await lens.settled(), diagnosticRows(percent)), (rows) => JSON.stringify(rows) === JSON.stringify(expectedRows), 'the markers of src/percent.ts', 30_000);
  await lens.settled();
  const changed = changedKeys(entries, reportEntries()).map((key) => workspaceFile(key).fsPath);
  const after = await modelIdentity();
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  return { changed, kept: keptFiles(before, after), before, after };
}

describe('a one-file rerun merges its report (issue 15)', function () {
  this.timeout(300_000);
  const percent = workspaceFile('src/percent.ts');

  it("keeps the objects of every file whose entry did not change apart from ids, after a full run and after a rerun, and shows the rerun file's exact markers", async () => {
    await api();
    const files = Object.keys(await modelIdentity()).sort();
    assert.equal(files.length, 20);
    const others = files.filter((file) => file !== percent.fsPath);
    const rowsOf = (): unknown[] => others.map((file) => diagnosticRows(vscode.Uri.file(file)));
    const othersRows = rowsOf();
    assert.deepEqual(diagnosticRows(percent), []);

    // First rerun after the full run: a weakened test leaves a survivor.
    await editDocument(workspaceFile('test/percent.test.ts'), (text) => text.replace(WEAK_TEST, ''));
    await vscode.workspace.saveAll(false);
    const first = await rerunPercent([NEW_SURVIVOR]);
    console.log(`[identity] first rerun: report entries changed (apart from ids): ${first.changed.map((file) => vscode.workspace.asRelativePath(file)).join(', ')}; ${first.kept.length} files kept their model objects`);
    assert.equal(first.changed.includes(percent.fsPath), true);
    assert.deepEqual(first.kept, files.filter((file) => !first.changed.includes(file)));
    assert.notEqual(first.after[percent.fsPath]![0], first.before[percent.fsPath]![0]);
    assert.deepEqual(rowsOf(), othersRows);

    // Second rerun, the tests unchanged: an untested function added to src/percent.ts.
    writeFileSync(percent.fsPath, readFileSync(percent.fsPath, 'utf8') + UNTESTED);
    const second = await rerunPercent(SECOND_ROWS);
    console.log(`[identity] second rerun: report entries changed (apart from ids): ${second.changed.map((file) => vscode.workspace.asRelativePath(file)).join(', ')}; ${second.kept.length} files kept their model objects`);
    console.log(`[identity] the extension's log of the report's loads:\n  ${loadLog().join('\n  ')}`);
    assert.deepEqual(second.changed, [percent.fsPath]);
    assert.deepEqual(second.kept, others);
    assert.notEqual(second.after[percent.fsPath]![0], second.before[percent.fsPath]![0]);
    assert.deepEqual(diagnosticRows(percent), SECOND_ROWS);
    assert.deepEqual(rowsOf(), othersRows);
  });
});

/** src/percent.ts's markers after the second rerun: the survivor, and the untested function's mutants. */
const SECOND_ROWS: unknown[] = [
  NEW_SURVIVOR,
  [4, 40, 6, 1, 'Information', 'BlockStatement', 'NoCoverage: BlockStatement "{ return n / 2; }" → "{}"'],
  [5, 9, 5, 14, 'Information', 'ArithmeticOperator', 'NoCoverage: ArithmeticOperator "n / 2" → "n * 2"'],
];
