// The rerun loop (issue 6): bench/rerun.bench.mjs runs a full Stryker run and then the one-file
// incremental rerun the extension does, on the same fresh copy of the fixture; repeated, medians.
import { median } from '../measure.mjs';
import { ms } from './load.mjs';

export async function rerunRow({ reps }) {
  const { rerunBench } = await import('../rerun.bench.mjs');
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await rerunBench());
  const oneFile = median(runs.map((run) => run.oneFileMs));
  const full = median(runs.map((run) => run.fullMs));
  const ratio = median(runs.map((run) => run.oneFileMs / run.fullMs));
  return {
    id: 'rerun',
    row: 'rerun one file vs full run',
    subject: ms(oneFile),
    baseline: `${ms(full)} (full run)`,
    ratio,
    floor: '≤ 0.30× full run',
    ok: ratio <= 0.3,
    note: `StrykerJS 9.6 on the 20-file rerun fixture: --incremental --mutate one file after a one-line edit, seeded from the full report, vs --force full run; ratio = median of per-pair ratios over ${reps} pairs; the fixed ~2–3 s initial test run is in both`,
    values: { runs },
  };
}
