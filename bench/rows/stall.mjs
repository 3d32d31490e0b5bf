// Issue 15: the longest stall of the extension host's thread while the 100k-mutant report loads.
// A 1 ms setInterval on the main thread of a fresh child process records its worst lateness from
// the moment the load starts until the loaded model is in a ReportStore (as ReportService puts
// it), and 30 ms beyond. Subject: ReportLoader (the worker thread reads, parses, validates and
// indexes; the main thread applies what arrives). Baseline: today's in-thread loadReport.
import { median } from '../measure.mjs';
import { ms } from './load.mjs';
import { alternate, runLoaderJob } from './loaderJob.mjs';

export async function stallRow(context) {
  const { data, reps } = context;
  const { baselines, subjects } = alternate(
    reps,
    () => runLoaderJob(context, 'stall:inthread').result,
    () => runLoaderJob(context, 'stall:loader').result,
  );
  // An idle process's worst lateness at the same time: how late a timer is on this machine anyway.
  const idle = Array.from({ length: Math.min(reps, 3) }, () => runLoaderJob(context, 'stall:idle').result.worstMs);
  for (const run of [...baselines, ...subjects]) {
    if (run.mutants !== data.report.mutants || run.files !== data.report.files) throw new Error(`a load gave ${run.mutants} mutants in ${run.files} files, not ${data.report.mutants} in ${data.report.files}`);
  }
  const subject = median(subjects.map((run) => run.worstMs));
  const baseline = median(baselines.map((run) => run.worstMs));
  const ratio = subject / baseline;
  return {
    id: 'stall',
    row: 'longest extension-host stall while a 100k-mutant report loads',
    subject: `${ms(subject)} (load ${ms(median(subjects.map((run) => run.loadMs)))} wall)`,
    baseline: `${ms(baseline)} (load ${ms(median(baselines.map((run) => run.loadMs)))} wall), in-thread loadReport`,
    ratio,
    floor: '≤ 50 ms (moonshot ≤ 16 ms)',
    ok: subject <= 50,
    note:
      `worst lateness of a 1 ms setInterval on the main thread (the extension host's) from load() until the model is in a ReportStore, and 30 ms after; ` +
      `fresh child process per run, median of ${reps}; every run loaded all ${data.report.mutants} mutants; ` +
      `subject runs' worst: ${subjects.map((run) => run.worstMs.toFixed(1)).join(', ')} ms; baseline runs': ${baselines.map((run) => run.worstMs.toFixed(0)).join(', ')} ms; ` +
      `control (an idle process, the same meter for 3 s, after the runs): ${idle.map((worst) => worst.toFixed(1)).join(', ')} ms`,
    values: { subjectMs: subject, baselineMs: baseline, subjects, baselines, idleMs: idle },
  };
}
