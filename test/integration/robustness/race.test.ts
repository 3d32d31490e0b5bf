import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RACE_ITERATIONS as FIGURE } from '../../unit/robustness/figures';
import { api, diagnosticRows, waitFor } from '../helpers';
import { watchFaults } from './faults';
import { findLogFile, readLog } from './logFile';
import { RACE_ITERATIONS, raceReport, raceRows } from './raceReports.mjs';

const root = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes like a slow writer: truncate, the first part, a pause, the rest. */
async function writeInChunks(file: string, text: string, cut: number, pauseMs: number): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.write(text.slice(0, cut));
    await pause(pauseMs);
    await handle.write(text.slice(cut));
  } finally {
    await handle.close();
  }
}

describe(`writer race: the report rewritten ${RACE_ITERATIONS} times in chunks while the extension watches`, () => {
  it('never shows an empty or mixed set of markers, and ends with exactly the last report', async () => {
    assert.equal(RACE_ITERATIONS, FIGURE);
    const lens = await api();
    const faults = watchFaults();
    const report = path.join(root(), 'race/reports/mutation/mutation.json');
    const source = vscode.Uri.file(path.join(root(), 'race/src/race.ts'));
    const allowed = new Map(Array.from({ length: RACE_ITERATIONS + 1 }, (_, i) => [JSON.stringify(raceRows(i)), i]));
    assert.deepEqual(diagnosticRows(source), raceRows(RACE_ITERATIONS));
    const logBefore = readLog(findLogFile()).length;

    const seen: number[] = [];
    const strays: string[] = [];
    const sample = (): void => {
      const rows = JSON.stringify(diagnosticRows(source));
      const iteration = allowed.get(rows);
      if (iteration === undefined) strays.push(rows);
      else if (seen.at(-1) !== iteration) seen.push(iteration);
    };
    const sampler = setInterval(sample, 1);
    try {
      for (let i = 0; i < RACE_ITERATIONS; i++) {
        const text = raceReport(i);
        await writeInChunks(report, text, (i * 7919) % text.length, 1 + (i % 5));
        sample();
        // Mostly faster than the watcher's debounce; every tenth write waits long enough to be shown.
        await pause(i % 10 === 9 ? 400 : i % 3);
        sample();
      }
      const final = await waitFor(() => diagnosticRows(source), (rows) => JSON.stringify(rows) === JSON.stringify(raceRows(RACE_ITERATIONS - 1)), 'the last report', 15_000);
      await lens.settled();
      sample();
      assert.deepEqual(final, raceRows(RACE_ITERATIONS - 1));
    } finally {
      clearInterval(sampler);
      faults.stop();
    }
    const state = lens.getReports().find((r) => r.path === report);
    const last = RACE_ITERATIONS - 1;
    assert.deepEqual(
      {
        strays,
        state: { state: state?.state, reason: state?.reason },
        mutants: lens.getMutants(source).map((m) => [m.id, m.status, m.range.start.line]),
        warnings: readLog(findLogFile()).slice(logBefore).filter((l) => l.level !== 'info'),
        faults: faults.faults,
        lastSeen: seen.at(-1),
        inOrder: seen.every((iteration, k) => k === 0 || iteration > (seen[k - 1] ?? -1) || (k === 1 && seen[0] === RACE_ITERATIONS)),
      },
      {
        strays: [],
        state: { state: 'ok', reason: undefined },
        mutants: raceRows(last).map((row) => [`${last}-${row[0]}`, 'Survived', row[0]]),
        warnings: [],
        faults: [],
        lastSeen: last,
        inOrder: true,
      },
    );
    console.log(`[race] ${RACE_ITERATIONS} chunked rewrites; ${seen.length} distinct marker sets seen in order, none empty or mixed`);
  });
});
