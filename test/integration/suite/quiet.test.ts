// Issue 15: activation costs nothing when there is nothing to show, and watching scales with the
// reports. The workspace starts empty (no report, no lcov). The extension is activated here, after
// the test has noted the extension host's inotify watches and wrapped child_process, so that what
// activation adds is seen exactly. Discovery goes through VS Code's own watcher (in the workbench's
// process, not this one), so the only watch under the workspace is chokidar's on the report itself.
import * as assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MutantLensApi } from '../../../src/api';
import { logLines } from '../git/gitHelpers';
import { waitFor, workspaceFile } from '../helpers';
import { inotifyWatches, recordStarts, watchedUnder } from '../processProbe';

const SOURCE = 'export function limit(a: number): boolean {\n  return a > 1;\n}\n';

function report(secondStatus: string): string {
  const mutant = (id: string, status: string, mutatorName: string, replacement: string, start: number, end: number): object => ({
    id,
    mutatorName,
    replacement,
    status,
    location: { start: { line: 2, column: start }, end: { line: 2, column: end } },
  });
  return JSON.stringify({
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60 },
    files: {
      'src/limit.ts': {
        language: 'typescript',
        source: SOURCE,
        mutants: [mutant('1', 'Survived', 'EqualityOperator', 'a >= 1', 10, 15), mutant('2', secondStatus, 'ConditionalExpression', 'true', 10, 15)],
      },
    },
  });
}

const shown = (lens: MutantLensApi): Array<[string, string, string | undefined]> => lens.getMutants(workspaceFile('src/limit.ts')).map((m) => [m.status, m.mutatorName, m.replacement]);

describe('activation with nothing to show (issue 15)', () => {
  const folder = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  let lens: MutantLensApi;
  let starts: ReturnType<typeof recordStarts>;

  after(() => starts?.stop());

  it('starts no process, opens no watch under the workspace and reads no report', async () => {
    const extension = vscode.extensions.getExtension<MutantLensApi>('mutant-lens.mutant-lens');
    if (extension === undefined) throw new Error('Mutant Lens is not installed');
    assert.equal(extension.isActive, false);
    const before = new Set(inotifyWatches().map((watch) => watch.id));
    starts = recordStarts(path.join(extension.extensionPath, 'dist', 'extension.js'));
    lens = await extension.activate();
    await lens.settled();
    const added = inotifyWatches().filter((watch) => !before.has(watch.id));
    assert.deepEqual({ started: starts.started, watchedUnderWorkspace: watchedUnder(folder(), added), reports: lens.getReports() }, { started: [], watchedUnderWorkspace: [], reports: [] });
    assert.deepEqual(
      logLines('').map((line) => line.replace(/\d+\.\d ms \(CPU \d+\.\d ms\)$/, 'N ms (CPU M ms)')),
      [`Mutant Lens ${String(extension.packageJSON.version)} activated`, 'activate() took N ms (CPU M ms)'],
    );
  });

  // mkdir -p and a write right after: VS Code's watcher reports the new folder `reports` alone.
  it('finds a report written into the workspace and follows it with one watch on that file', async () => {
    mkdirSync(path.join(folder(), 'src'));
    writeFileSync(path.join(folder(), 'src', 'limit.ts'), SOURCE);
    mkdirSync(path.join(folder(), 'reports', 'mutation'), { recursive: true });
    writeFileSync(path.join(folder(), 'reports', 'mutation', 'mutation.json'), report('Killed'));
    assert.deepEqual(await waitFor(() => shown(lens), (rows) => rows.length === 1, 'the new report found by discovery'), [['Survived', 'EqualityOperator', 'a >= 1']]);
    const report_ = path.join('reports', 'mutation', 'mutation.json');
    assert.deepEqual(await waitFor(() => watchedUnder(folder()), (paths) => paths.length === 1, 'chokidar to follow the report'), [report_]);
  });

  it('shows a rewrite of the report, in place and by a rename over it, still with one watch', async () => {
    const file = path.join(folder(), 'reports', 'mutation', 'mutation.json');
    writeFileSync(file, report('Survived'));
    assert.deepEqual(await waitFor(() => shown(lens), (rows) => rows.length === 2, 'the rewrite'), [
      ['Survived', 'EqualityOperator', 'a >= 1'],
      ['Survived', 'ConditionalExpression', 'true'],
    ]);
    writeFileSync(`${file}.tmp`, report('Killed'));
    renameSync(`${file}.tmp`, file);
    assert.deepEqual(await waitFor(() => shown(lens), (rows) => rows.length === 1, 'the renamed report'), [['Survived', 'EqualityOperator', 'a >= 1']]);
    assert.deepEqual(await waitFor(() => watchedUnder(folder()), (paths) => paths.length === 1, 'one watch on the new file'), [path.join('reports', 'mutation', 'mutation.json')]);
    assert.deepEqual(starts.started, []);
  });

  it('starts git with the first lcov file, and follows that file with one more watch', async () => {
    mkdirSync(path.join(folder(), 'coverage'));
    writeFileSync(path.join(folder(), 'coverage', 'lcov.info'), 'TN:\nSF:src/limit.ts\nDA:2,0\nLF:1\nLH:0\nend_of_record\n');
    const coverage = await waitFor(
      () => lens.getReports().filter((r) => r.kind === 'coverage').map((r) => [r.state, path.relative(folder(), r.path), r.files.map((f) => path.relative(folder(), f))]),
      (rows) => rows.length === 1,
      'the lcov file found by discovery',
    );
    assert.deepEqual(coverage, [['ok', path.join('coverage', 'lcov.info'), [path.join('src', 'limit.ts')]]]);
    await waitFor(() => starts.started.length, (n) => n > 0, 'git to start');
    const git = await waitFor(() => logLines('Using git '), (lines) => lines.length === 1, 'the git resolved');
    const program = /^Using git (.+) \(from .+\)$/.exec(git[0] ?? '')?.[1];
    assert.deepEqual([...new Set(starts.started.map((line) => line.split(' ')[0]))], [program]);
    assert.deepEqual(await waitFor(() => watchedUnder(folder()), (paths) => paths.length === 2, 'chokidar to follow the lcov file'), [path.join('coverage', 'lcov.info'), path.join('reports', 'mutation', 'mutation.json')]);
  });

  // rm -rf: VS Code's watcher reports the folder alone; the followed report goes with it.
  it('clears the report when its folder is removed, and stops following it', async () => {
    rmSync(path.join(folder(), 'reports'), { recursive: true });
    assert.deepEqual(await waitFor(() => lens.getReports().filter((r) => r.kind === 'mutation').length, (n) => n === 0, 'the report to go'), 0);
    assert.deepEqual({ shown: shown(lens), watched: await waitFor(() => watchedUnder(folder()), (paths) => paths.length === 1, 'one watch left') }, { shown: [], watched: [path.join('coverage', 'lcov.info')] });
  });
});
