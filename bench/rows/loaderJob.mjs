// Runs one measure of the issue-15 rows in a fresh child process (bench/rows/loaderChild.mjs) and
// returns what it printed; shared by rows stall, markersReady, rerunApply and loadHeap.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../build.mjs';

/** The file in the middle of the report's file order (not the first: the loader must not be lucky). */
export function middleFile(data) {
  return join(data.report.projectDir, data.report.middleKey);
}

/** `flags`: node options (for example --expose-gc --trace-gc); returns the parsed RESULT line and the whole stdout. */
export function runLoaderJob({ build, data }, mode, extra = {}, flags = []) {
  const job = {
    mode,
    coreFile: build.file,
    workerFile: build.workerFile,
    reportPath: data.report.path,
    projectDir: data.report.projectDir,
    priority: middleFile(data),
    ...extra,
  };
  const jobFile = join(data.root, `job-${process.pid}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const child = spawnSync(process.execPath, [...flags, join(repoRoot, 'bench', 'rows', 'loaderChild.mjs'), jobFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (child.status !== 0) throw new Error(`loader child (${mode}) exited ${child.status}: ${child.stderr.slice(-3000)}`);
  const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (line === undefined) throw new Error(`loader child (${mode}) printed no RESULT: ${child.stdout.slice(-2000)}`);
  return { result: JSON.parse(line.slice('RESULT '.length)), stdout: child.stdout };
}

/** Runs baseline and subject alternately, `reps` times each, the order swapped every round. */
export function alternate(reps, baseline, subject) {
  const baselines = [];
  const subjects = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      baselines.push(baseline());
      subjects.push(subject());
    } else {
      subjects.push(subject());
      baselines.push(baseline());
    }
  }
  return { baselines, subjects };
}
