// The per-file work on editor switch for a file with 2,000 mutants: showMutants (placement),
// the diagnostic message of every mutant, and the decoration grouping the adapter does
// (src/mutation/decorations.ts, replicated without vscode: highlights per marker, one gutter marker per
// line, the most severe wins). All statuses are shown, so all 2,000 mutants go through it.
import { compare } from '../measure.mjs';
import { loadOrThrow } from './env.mjs';
import { ms } from './load.mjs';
import { join } from 'node:path';

const RANK = { survived: 0, noCoverage: 1, other: 2 };

function markerOf(shown) {
  if (shown.mutant.status === 'Survived') return 'survived';
  return shown.mutant.status === 'NoCoverage' ? 'noCoverage' : 'other';
}

function decorationGroups(mutants) {
  const highlights = { survived: [], noCoverage: [], other: [] };
  const stale = [];
  const lineMarker = new Map();
  for (const shown of mutants) {
    const marker = markerOf(shown);
    (shown.stale ? stale : highlights[marker]).push(shown.range);
    const line = shown.range.start.line;
    const before = lineMarker.get(line);
    if (before === undefined || RANK[marker] < RANK[before]) lineMarker.set(line, marker);
  }
  const gutters = { survived: [], noCoverage: [], other: [] };
  for (const [line, marker] of lineMarker) gutters[marker].push(line);
  return { highlights, stale, gutters };
}

export function perFileWork(core, sources, currentText, statuses) {
  const { mutants } = core.showMutants(sources, currentText, statuses);
  const messages = mutants.map((shown) => core.mutantMessage(shown, core.sourceLines(shown.file)));
  return { mutants, messages, groups: decorationGroups(mutants) };
}

export async function perFileRow({ core, data, reps }) {
  const report = await loadOrThrow(core, data.report.path, data.report.projectDir);
  const file = report.files.get(join(data.report.projectDir, data.report.hotKey));
  if (file === undefined) throw new Error('the hot file is missing from the loaded report');
  const sources = [{ file, report }];
  const statuses = new Set(core.MUTANT_STATUSES);
  const shown = perFileWork(core, sources, file.source, statuses).mutants.length;
  const result = await compare({
    reps,
    warmup: 30,
    gcEach: false,
    subject: () => perFileWork(core, sources, file.source, statuses),
    baseline: () => JSON.parse(data.report.hotFileJson),
  });
  return {
    id: 'perFile',
    row: `per-file work, ${file.mutants.length} mutants`,
    subject: `${ms(result.subjectCpu)} CPU (${ms(result.subject)} wall)`,
    baseline: `${ms(result.baseline)} (JSON.parse of the file's ${(data.report.hotFileJson.length / 1024).toFixed(0)} KB entry)`,
    ratio: result.subject / result.baseline,
    floor: '< 5 ms',
    ok: result.subjectCpu < 5,
    note: `showMutants + mutantMessage for each + decoration grouping by line, all ${shown} mutants shown (every status), text unchanged since the report; after 30 warm-up runs (JIT-optimised); fastest wall time ${ms(Math.min(...result.subjectMs))}; judged on CPU time (wall time on a loaded machine includes waiting for other processes); the baseline is for scale only`,
    values: result,
  };
}
