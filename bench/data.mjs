// Makes the inputs once per run, in a temp folder (removed at the end; not under bench/, where
// tsc and eslint would pick up the generated .ts sources): the 100k-mutant report with its 2,000
// source files on disk (key resolution checks real files), the 50 MB lcov.info, and the git
// repository with a 1,000-line diff.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SEED = 7;
export const LCOV_BYTES = 50 * 1024 * 1024;
export const DIFF_LINES = 1_000;

export function prepareData(core) {
  const root = mkdtempSync(join(tmpdir(), 'mutant-lens-bench-data-'));
  return { root, report: writeReport(core, join(root, 'project')), lcov: writeLcov(core, join(root, 'lcov.info')), repo: makeRepo(core, join(root, 'repo')) };
}

function writeReport(core, projectDir) {
  const report = core.generateReport({ ...core.DEFAULT_REPORT_OPTIONS, seed: SEED, projectRoot: projectDir });
  for (const [key, file] of Object.entries(report.files)) {
    const path = join(projectDir, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.source);
  }
  const reportPath = join(projectDir, 'reports', 'mutation', 'mutation.json');
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, JSON.stringify(report));
  const hotKey = core.hotFileKey();
  const keys = Object.keys(report.files);
  const mutants = Object.values(report.files).reduce((n, file) => n + file.mutants.length, 0);
  return {
    projectDir,
    path: reportPath,
    bytes: statSync(reportPath).size,
    files: keys.length,
    mutants,
    hotKey,
    /** The file in the middle of the report's file order: the "active file" of the issue-15 rows. */
    middleKey: keys[keys.length >> 1],
    hotFileJson: JSON.stringify(report.files[hotKey]),
  };
}

function writeLcov(core, path) {
  writeFileSync(path, core.generateLcov(SEED, LCOV_BYTES));
  return { path, bytes: statSync(path).size };
}

function makeRepo(core, dir) {
  return core.generateGitRepo({ seed: SEED, dir, files: 40, linesPerFile: 300, changedLines: DIFF_LINES });
}
