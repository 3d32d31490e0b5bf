import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { api, diagnosticRows, waitFor, workspaceFile } from '../helpers';
import { CART_DIAGNOSTICS } from './expected';

const REPORT = (): string => workspaceFile('reports/mutation/mutation.json').fsPath;

async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.writeFile(`${file}.tmp`, text);
  await fs.rename(`${file}.tmp`, file);
}

/** The report with the first survivor of src/cart.ts (quantity >= 100 → quantity > 100) killed. */
function withFirstCartSurvivorKilled(text: string): string {
  const report = JSON.parse(text) as { files: Record<string, { mutants: Array<{ status: string; mutatorName: string; replacement?: string }> }> };
  const target = report.files['src/cart.ts']?.mutants.find((m) => m.status === 'Survived' && m.replacement === 'quantity > 100');
  if (target === undefined) throw new Error('fixture changed: survivor not found');
  target.status = 'Killed';
  return JSON.stringify(report);
}

describe('watching the report on disk', () => {
  let original = '';

  before(async () => {
    await api();
    original = await fs.readFile(REPORT(), 'utf8');
  });

  after(async () => {
    await writeAtomically(REPORT(), original);
  });

  it('shows a rewritten report without a reload', async () => {
    await writeAtomically(REPORT(), withFirstCartSurvivorKilled(original));
    const rows = await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')), (r) => r.length === 13, '13 cart diagnostics');
    assert.deepEqual(rows, CART_DIAGNOSTICS.slice(1));
  });

  it('keeps the last good markers while a half-written report stays broken, then says so once', async () => {
    const lens = await api();
    const before = diagnosticRows(workspaceFile('src/cart.ts'));
    await fs.writeFile(REPORT(), original.slice(0, Math.floor(original.length / 2)));
    const state = await waitFor(
      () => {
        assert.deepEqual(diagnosticRows(workspaceFile('src/cart.ts')), before, 'markers changed while the report was broken');
        return lens.getReports().find((r) => r.kind === 'mutation');
      },
      (report) => report?.state === 'invalid',
      'the report to be marked invalid',
    );
    assert.deepEqual({ state: state?.state, reason: state?.reason }, { state: 'invalid', reason: 'is incomplete (the JSON ends early)' });
    assert.deepEqual(diagnosticRows(workspaceFile('src/cart.ts')), before);
  });

  it('recovers when the writer finishes', async () => {
    const lens = await api();
    await fs.writeFile(REPORT(), original);
    await waitFor(() => lens.getReports().find((r) => r.kind === 'mutation')?.state, (s) => s === 'ok', 'the report to be ok again');
    const rows = await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')), (r) => r.length === 14, '14 cart diagnostics');
    assert.deepEqual(rows, CART_DIAGNOSTICS);
  });

  it('falls back to the html report, then the incremental file, when the json report is deleted, never showing nothing', async () => {
    const lens = await api();
    const html = workspaceFile('reports/mutation/mutation.html').fsPath;
    const mutationReports = (): string[] => lens.getReports().filter((r) => r.kind === 'mutation' && r.state === 'ok').map((r) => r.path);
    const watchMarkers = () => {
      assert.deepEqual(diagnosticRows(workspaceFile('src/cart.ts')), CART_DIAGNOSTICS, 'the markers changed during the handover');
      return mutationReports();
    };
    await fs.rename(REPORT(), `${REPORT()}.away`);
    assert.deepEqual(await waitFor(watchMarkers, (paths) => paths.length === 1 && paths[0] === html, 'the html report alone'), [html]);
    await fs.rename(html, `${html}.away`);
    const incremental = workspaceFile('reports/stryker-incremental.json').fsPath;
    assert.deepEqual(await waitFor(watchMarkers, (paths) => paths.length === 1 && paths[0] === incremental, 'the incremental file alone'), [incremental]);
    await waitFor(watchMarkers, () => true, 'markers');
  });

  it('clears the markers when the last report is deleted, and finds reports again when they come back', async () => {
    const lens = await api();
    const incremental = workspaceFile('reports/stryker-incremental.json').fsPath;
    await fs.rename(incremental, `${incremental}.away`);
    await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')).length, (n) => n === 0, 'the cart diagnostics to clear');
    assert.deepEqual(lens.getMutants(workspaceFile('src/cart.ts')), []);
    assert.deepEqual(lens.getReports().filter((r) => r.kind === 'mutation'), []);
    for (const file of [incremental, workspaceFile('reports/mutation/mutation.html').fsPath, REPORT()]) await fs.rename(`${file}.away`, file);
    const reports = await waitFor(() => lens.getReports().filter((r) => r.kind === 'mutation').map((r) => `${r.path} ${r.state}`), (r) => r[0] === `${REPORT()} ok`, 'the json report to win again');
    assert.deepEqual(reports, [`${REPORT()} ok`]);
    // The report state changes first; the Problems panel follows once the file's text is read.
    await lens.settled();
    const rows = await waitFor(() => diagnosticRows(workspaceFile('src/cart.ts')), (r) => r.length === CART_DIAGNOSTICS.length, 'the cart diagnostics to come back');
    assert.deepEqual(rows, CART_DIAGNOSTICS);
  });
});
