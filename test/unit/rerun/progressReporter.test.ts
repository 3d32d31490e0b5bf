import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressReporter, strykerPlugins } from '../../../src/rerun/strykerProgressReporter';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ml-reporter-'));
});
afterEach(() => {
  delete process.env['MUTANT_LENS_PROGRESS_FILE'];
  delete process.env['MUTANT_LENS_REPORT_FILE'];
  rmSync(dir, { recursive: true, force: true });
});

const mutant = (id: string, status: string) => ({ id, status, fileName: '/p/src/a.ts', mutatorName: 'M', replacement: 'x', location: { start: { line: 1, column: 0 }, end: { line: 1, column: 1 } } });

function lines(): unknown[] {
  return readFileSync(join(dir, 'progress.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
}

describe('ProgressReporter', () => {
  it('declares one reporter plugin the way Stryker loads it', () => {
    expect(strykerPlugins).toEqual([{ kind: 'Reporter', name: 'mutant-lens-progress', injectableClass: ProgressReporter }]);
  });

  it('writes one line per event, counting only mutants that run', async () => {
    process.env['MUTANT_LENS_PROGRESS_FILE'] = join(dir, 'progress.jsonl');
    process.env['MUTANT_LENS_REPORT_FILE'] = join(dir, 'out', 'mutation.json');
    const r = new ProgressReporter();
    r.onMutationTestingPlanReady({ mutantPlans: [{ plan: 'Run', mutant: { id: '1' } }, { plan: 'EarlyResult', mutant: { id: '2' } }, { plan: 'Run', mutant: { id: '3' } }] });
    r.onMutantTested(mutant('2', 'Survived'));
    r.onMutantTested(mutant('1', 'Survived'));
    r.onMutantTested(mutant('3', 'Killed'));
    r.onMutationTestReportReady({ files: { 'a.ts': {}, 'b.ts': {} } }, { systemUnderTestMetrics: { metrics: { mutationScore: 50 } } });
    await r.wrapUp();
    expect(lines()).toEqual([
      { event: 'plan', total: 2, mutants: 3 },
      { event: 'tested', tested: 1, total: 2, survived: 1, mutant: mutant('1', 'Survived') },
      { event: 'tested', tested: 2, total: 2, survived: 1, mutant: mutant('3', 'Killed') },
      { event: 'report', path: join(dir, 'out', 'mutation.json'), files: 2, score: 50 },
      { event: 'done' },
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'mutation.json'), 'utf8'))).toEqual({ files: { 'a.ts': {}, 'b.ts': {} } });
    expect(readdirSync(join(dir, 'out'))).toEqual(['mutation.json']);
  });

  it('counts NoCoverage as survived', async () => {
    process.env['MUTANT_LENS_PROGRESS_FILE'] = join(dir, 'progress.jsonl');
    const r = new ProgressReporter();
    r.onMutationTestingPlanReady({ mutantPlans: [{ plan: 'Run', mutant: { id: '1' } }] });
    r.onMutantTested(mutant('1', 'NoCoverage'));
    r.onMutationTestReportReady({ files: {} });
    await r.wrapUp();
    expect(lines().slice(1)).toEqual([
      { event: 'tested', tested: 1, total: 1, survived: 1, mutant: mutant('1', 'NoCoverage') },
      { event: 'report', path: null, files: 0, score: null },
      { event: 'done' },
    ]);
  });

  it('does nothing without its environment variables', async () => {
    const r = new ProgressReporter();
    r.onMutationTestingPlanReady({ mutantPlans: [] });
    r.onMutationTestReportReady({ files: {} });
    await r.wrapUp();
    expect(readdirSync(dir)).toEqual([]);
  });
});
