// Issue 12, findings 2 to 7, as cases of the hostile corpus in the real VS Code: a folder built to
// hurt the extension host (huge sparse files, a glob from workspace settings, 10^7 lcov lines,
// 10^6 mutants on one line, links leading out of the workspace, report text that forges what
// the user reads). Each case states its exact outcome: the host stays up, the exact log line, the
// capped count, nothing outside the workspace read. Files are made at test time (sparse files
// with truncate: nothing large is ever written to disk or committed).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GOOD, GOOD_ROWS, SOURCE } from '../../fixtures/reports/hostile/cases.mjs';
import { api, diagnosticRows, waitFor } from '../helpers';
import { watchFaults, type FaultWatch } from './faults';
import { DA_LINES, ONE_LINE_MUTANTS, PENDING } from './workspace.mjs';
import { findLogFile, readLog, type LogLine } from './logFile';

const root = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const at = (...parts: string[]): string => path.join(root(), ...parts);
const GIB = 1024 ** 3;
const SPARSE_SOURCES = 10;
const LONG_GLOB = 'a'.repeat(1001);
const TEN_GLOBSTARS = `${'**/'.repeat(10)}reports/mutation/mutation.json`;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function sparse(file: string, bytes: number): void {
  write(file, '');
  truncateSync(file, bytes);
}

function reportOf(files: Record<string, { source: string; mutants: unknown[] }>): string {
  const entries = Object.fromEntries(Object.entries(files).map(([key, file]) => [key, { language: 'typescript', ...file }]));
  return JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: entries });
}

const GOOD_MUTANT = { id: '1', mutatorName: 'EqualityOperator', replacement: 'b > c', status: 'Survived', location: { start: { line: 1, column: 11 }, end: { line: 1, column: 17 } } };

describe('hostile workspaces: reads, paths, marks and text (issue 12, findings 2 to 7)', function () {
  this.timeout(150_000);
  let faults: FaultWatch;
  let logFile = '';
  let logStart = 0;
  const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-outside-')));
  const since = (): LogLine[] => readLog(logFile).slice(logStart);
  const warnings = (): string[] => since().filter((l) => l.level === 'warning').map((l) => l.text);
  const count = (text: string): number => warnings().filter((w) => w === text).length;
  const logged = (lines: readonly string[], what: string, timeoutMs = 60_000): Promise<string[]> =>
    waitFor(() => lines.filter((line) => count(line) === 0), (left) => left.length === 0, what, timeoutMs);

  before(async function () {
    this.timeout(120_000);
    faults = watchFaults();
    await api();
    logFile = findLogFile();
    logStart = readLog(logFile).length;
    const config = vscode.workspace.getConfiguration('mutantLens');
    // The 10^6-mutant report is about 120 MB: the limit is raised where it may be (user settings).
    await config.update('maxReportSizeMB', 200, vscode.ConfigurationTarget.Global);
    // A workspace that raises its own limits (ignored), sets a glob of ten `**/` and one of 1001 characters.
    write(
      at('.vscode/settings.json'),
      JSON.stringify({
        'mutantLens.maxReportSizeMB': 100_000,
        'mutantLens.maxCoverageSizeMB': 100_000,
        'mutantLens.mutationReports': [TEN_GLOBSTARS, '**/reports/mutation/mutation.html', LONG_GLOB],
        'mutantLens.coverage.showAllUncoveredLines': true,
        'mutantLens.coverage.pathMappings': { '/ci/build': outside },
      }),
    );
    await waitFor(() => vscode.workspace.getConfiguration('mutantLens').get('coverage.showAllUncoveredLines'), (on) => on === true, 'the workspace settings to apply');
    makeCases(outside);
  });

  after(async () => {
    faults.stop();
    await vscode.workspace.getConfiguration('mutantLens').update('maxReportSizeMB', undefined, vscode.ConfigurationTarget.Global);
  });

  it('reads no source file past the limit: ten sparse 1 GiB sources named by a report are not read, their mutants placed as the report saw them', async () => {
    const lines = Array.from({ length: SPARSE_SOURCES }, (_, i) => `Source ${at(`sec-sparse/src/big${i}.ts`)} is not read (1024 MB): the text of the source files kept for placing mutants stays within the 200 MB of mutantLens.maxReportSizeMB. Its mutants are placed as the report saw it.`);
    await logged(lines, 'a line about every sparse source');
    const lens = await api();
    const rows = (): unknown[] => Array.from({ length: SPARSE_SOURCES }, (_, i) => diagnosticRows(vscode.Uri.file(at(`sec-sparse/src/big${i}.ts`))));
    const good = JSON.stringify(Array.from({ length: SPARSE_SOURCES }, () => GOOD_ROWS));
    assert.deepEqual(await waitFor(rows, (r) => JSON.stringify(r) === good, 'the markers of the sparse sources'), JSON.parse(good));
    assert.deepEqual(lines.map(count), lines.map(() => 1));
    assert.equal(lens.getReports().find((r) => r.path === at('sec-sparse/reports/mutation/mutation.json'))?.state, 'ok');
  });

  it('refuses a sparse report and a sparse lcov file by their size, once each, whatever the workspace settings say', async () => {
    const report = `Report ${at('sec-sparse-html/reports/mutation/mutation.html')} is 1024 MB, more than the 200 MB limit (setting mutantLens.maxReportSizeMB).`;
    const lcov = `Coverage ${at('sec-sparse/coverage/lcov.info')} is 1024 MB, more than the 256 MB limit (setting mutantLens.maxCoverageSizeMB).`;
    await logged([report, lcov], 'the sparse report and lcov file to be refused');
    const lens = await api();
    await lens.settled();
    assert.deepEqual([count(report), count(lcov)], [1, 1]);
    assert.deepEqual(
      lens.getReports().filter((r) => r.path.startsWith(at('sec-sparse'))).map((r) => [path.relative(root(), r.path), r.state]).sort(),
      [['sec-sparse-html/reports/mutation/mutation.html', 'invalid'], ['sec-sparse/coverage/lcov.info', 'invalid'], ['sec-sparse/reports/mutation/mutation.json', 'ok']],
    );
  });

  it('matches a glob of ten **/ from workspace settings like one (a report in a deep folder is found), and refuses a 1001-character glob with one log line', async () => {
    const refused = `Setting mutantLens.mutationReports: the pattern "${'a'.repeat(59)}…" is longer than 1000 characters; it matches nothing`;
    await logged([refused], 'the refused glob line');
    const deep = at('sec-glob/a/b/c/d/e/f/g/h/i/j/k/reports/mutation/mutation.json');
    write(deep, GOOD);
    const lens = await api();
    await waitFor(() => lens.getReports().find((r) => r.path === deep)?.state, (state) => state === 'ok', 'the deep report to load', 30_000);
    assert.equal(count(refused), 1);
  });

  it(`${DA_LINES.toLocaleString('en-US')} zero-hit DA lines for a 2-line file: two marks drawn, one log line counting the 9,999,998 left out`, async () => {
    const file = at('sec-da/src/two.ts');
    await vscode.window.showTextDocument(vscode.Uri.file(file));
    const line = `${file}: 9,999,998 coverage marks left out (9,999,998 past the end of the document)`;
    await logged([line], 'the coverage marks line', 90_000);
    assert.equal(count(line), 1);
  });

  it(`${ONE_LINE_MUTANTS.toLocaleString('en-US')} mutants on one line: 10,000 diagnostics, one log line, a hover of eight mutants and a count, getDiagnostics() still answers`, async () => {
    const file = at('sec-million/src/one.ts');
    const line = `${file}: 990,000 mutants left out (990,000 over the limit of 10,000 per file)`;
    await logged([line], 'the mutants line', 120_000);
    const uri = vscode.Uri.file(file);
    await waitFor(() => vscode.languages.getDiagnostics(uri).length, (n) => n === 10_000, 'the capped diagnostics');
    const all = vscode.languages.getDiagnostics();
    assert.deepEqual(all.find(([u]) => u.fsPath === file)?.[1].length, 10_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 11));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.deepEqual([text.split('**Survived**').length - 1, text.includes('and 9992 more mutants here')], [8, true]);
    assert.equal(count(line), 1);
  });

  it('reads nothing a link or a path leads to outside the workspace, and says so once for each link', async () => {
    const lens = await api();
    const linkLines = [
      `Not read: "${at('sec-links/linked-folder/key.ts')}" leads outside the workspace folders (to "${path.join(outside, 'key.ts')}")`,
      `Not read: "${at('sec-links/src/linked-file.ts')}" leads outside the workspace folders (to "${path.join(outside, 'key.ts')}")`,
      `Not read: "${at('sec-link-report/reports/mutation/mutation.json')}" leads outside the workspace folders (to "${path.join(outside, 'mutation.json')}")`,
      `Not read: "${at('sec-link-lcov/coverage/lcov.info')}" leads outside the workspace folders (to "${path.join(outside, 'lcov.info')}")`,
      `Not read: "${at('sec-links/linked-folder/other.ts')}" leads outside the workspace folders (to "${path.join(outside, 'other.ts')}")`,
    ];
    const sfLines = [path.join(outside, 'key.ts'), '../../../outside-sibling/key.ts', '/ci/build/key.ts'].map((sf) => `Coverage path "${sf}" matches no file in the workspace`);
    await logged([...linkLines, ...sfLines], 'every path leading outside to be logged');
    await lens.settled();
    const report = lens.getReports().find((r) => r.path === at('sec-links/reports/mutation/mutation.json'));
    const lcov = lens.getReports().find((r) => r.path === at('sec-links/coverage/lcov.info'));
    assert.deepEqual([report?.state, report?.files, lcov?.state, lcov?.files], ['ok', [at('sec-links/src/a.ts')], 'ok', [at('sec-links/src/a.ts')]]);
    assert.deepEqual(lens.getReports().filter((r) => r.path.includes('sec-link-')).map((r) => r.path), []);
    assert.deepEqual([diagnosticRows(vscode.Uri.file(at('sec-links/linked-folder/key.ts'))), diagnosticRows(vscode.Uri.file(at('sec-links/src/linked-file.ts')))], [[], []]);
    assert.deepEqual([...linkLines, ...sfLines].map(count), [...linkLines, ...sfLines].map(() => 1));
  });

  it('shows report text with bidi, zero-width characters and line breaks flattened and visible in Problems, and quotes the key in the log', async () => {
    const file = at('sec-text/src/a.ts');
    const rows = await waitFor(() => diagnosticRows(vscode.Uri.file(file)), (r) => r.length === 1, 'the forged mutant');
    assert.deepEqual(rows, [[0, 10, 0, 16, 'Warning', 'Equality<U+202E>Operator x', 'Survived: Equality<U+202E>Operator x "b >= c" → "b > c<U+200B> [error] forged"']]);
    const keyLine = `${at('sec-text/reports/mutation/mutation.json')}: file "src/gone.ts\\n2026-01-01 00:00:00.000 [info] Loaded everything" was not found in the workspace; its mutants are not shown`;
    await logged([keyLine], 'the quoted key line');
  });

  it('keeps the extension host up: the API answers and nothing was rejected unhandled', async () => {
    const lens = await api();
    assert.deepEqual([lens.getReports().length > 0, faults.faults], [true, []]);
  });
});

function makeCases(outside: string): void {
  // Finding 2: ten sparse 1 GiB sources named by a report, a sparse html report, a sparse lcov file.
  const files = Object.fromEntries(Array.from({ length: SPARSE_SOURCES }, (_, i) => [`src/big${i}.ts`, { source: SOURCE, mutants: [GOOD_MUTANT] }]));
  for (let i = 0; i < SPARSE_SOURCES; i++) sparse(at(`sec-sparse/src/big${i}.ts`), GIB);
  write(at('sec-sparse/reports/mutation/mutation.json'), reportOf(files));
  sparse(at('sec-sparse/coverage/lcov.info'), GIB);
  sparse(at('sec-sparse-html/reports/mutation/mutation.html'), GIB);

  // Findings 4 and 5: 10^7 zero-hit DA lines for a 2-line file, 10^6 mutants on one line (written by workspace.mjs).
  renameSync(at(`sec-da/coverage/lcov.info${PENDING}`), at('sec-da/coverage/lcov.info'));
  renameSync(at(`sec-million/reports/mutation/mutation.json${PENDING}`), at('sec-million/reports/mutation/mutation.json'));

  // Finding 6: a folder link and a file link leading out, a report and an lcov file that are links, SF paths outside.
  write(path.join(outside, 'key.ts'), SOURCE);
  write(path.join(outside, 'other.ts'), SOURCE);
  write(path.join(outside, 'mutation.json'), GOOD);
  write(path.join(outside, 'lcov.info'), 'SF:src/a.ts\nDA:1,0\nend_of_record\n');
  write(at('sec-links/src/a.ts'), SOURCE);
  symlinkSync(outside, at('sec-links/linked-folder'));
  symlinkSync(path.join(outside, 'key.ts'), at('sec-links/src/linked-file.ts'));
  mkdirSync(at('sec-link-report/reports/mutation'), { recursive: true });
  symlinkSync(path.join(outside, 'mutation.json'), at('sec-link-report/reports/mutation/mutation.json'));
  mkdirSync(at('sec-link-lcov/coverage'), { recursive: true });
  symlinkSync(path.join(outside, 'lcov.info'), at('sec-link-lcov/coverage/lcov.info'));
  write(
    at('sec-links/reports/mutation/mutation.json'),
    reportOf({ 'src/a.ts': { source: SOURCE, mutants: [GOOD_MUTANT] }, 'linked-folder/key.ts': { source: SOURCE, mutants: [GOOD_MUTANT] }, 'src/linked-file.ts': { source: SOURCE, mutants: [GOOD_MUTANT] } }),
  );
  const sf = (name: string): string => `SF:${name}\nDA:1,0\nend_of_record\n`;
  write(at('sec-links/coverage/lcov.info'), [sf('src/a.ts'), sf(path.join(outside, 'key.ts')), sf('../../../outside-sibling/key.ts'), sf('/ci/build/key.ts'), sf('linked-folder/other.ts')].join(''));

  // Finding 7: report text that forges what the user reads.
  write(at('sec-text/src/a.ts'), SOURCE);
  write(
    at('sec-text/reports/mutation/mutation.json'),
    reportOf({
      'src/a.ts': { source: SOURCE, mutants: [{ ...GOOD_MUTANT, mutatorName: 'Equality\u202eOperator\u00a0x', replacement: 'b > c\u200b\n[error] forged' }] },
      'src/gone.ts\n2026-01-01 00:00:00.000 [info] Loaded everything': { source: SOURCE, mutants: [GOOD_MUTANT] },
    }),
  );
}
