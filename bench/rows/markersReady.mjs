// Issue 15: how soon the active file's markers can show after the report is written. Subject:
// from ReportLoader.load() (the active file given as priority) until a partial model holding
// that file arrives through onPartial (or the whole model, if no partial came first). The
// active file is the one in the middle of the report's file order, not the first. Baseline: a
// bare JSON.parse(readFileSync()) of the whole report. Each run in a fresh child process (the
// loader made before the clock starts, as the extension makes it at activation).
import { median } from '../measure.mjs';
import { ms } from './load.mjs';
import { alternate, runLoaderJob } from './loaderJob.mjs';

export async function markersReadyRow(context) {
  const { data, reps } = context;
  const { baselines, subjects } = alternate(
    reps,
    () => runLoaderJob(context, 'ready:parse').result,
    () => runLoaderJob(context, 'ready:loader').result,
  );
  for (const run of subjects) {
    if (run.partialMutants !== undefined && run.partialMutants !== run.fullMutants) throw new Error(`the partial model had ${run.partialMutants} mutants of the active file, the whole model ${run.fullMutants}`);
  }
  const subject = median(subjects.map((run) => run.readyMs));
  const baseline = median(baselines.map((run) => run.parseMs));
  const ratio = subject / baseline;
  const fromPartial = subjects.filter((run) => run.fromPartial).length;
  return {
    id: 'markersReady',
    row: "active file's markers ready after the report is written",
    subject: `${ms(subject)} wall (whole model ${ms(median(subjects.map((run) => run.fullMs)))})`,
    baseline: `${ms(baseline)} wall, JSON.parse(readFileSync())`,
    ratio,
    floor: '≤ 0.3× (moonshot ≤ 0.1×)',
    ok: ratio <= 0.3,
    note:
      `active file ${data.report.middleKey} (file ${(data.report.files >> 1) + 1} of ${data.report.files}, ${subjects[0]?.fullMutants} mutants); ` +
      `${fromPartial} of ${reps} runs had it in an onPartial before the whole model; wall times (both sides wait on the same disk and cores), fresh child process per run, median of ${reps}; ` +
      `the watcher's delay before load() is not included; ` +
      `this report writes schemaVersion, thresholds and projectRoot before files (as Stryker.NET and Stryker4s do), so the worker's early scan stops at the active file's key, half way through; ` +
      `the same report with files first (as StrykerJS writes it) is scanned whole: the early files took about twice the worker's CPU (~130 ms against ~68 ms on the loaded 2-core machine where this was measured)`,
    values: { subjectMs: subject, baselineMs: baseline, subjects, baselines },
  };
}
