// The command-line gate: `mutant-lens check --format json` (src/cli, in this process) on a git
// repository made of the 100k-mutant report's project with a 1,000-line diff, against what the
// extension itself does for the same answer: loadReport of the report + changedLinesSince.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../measure.mjs';
import { loadOrThrow } from './env.mjs';
import { ms } from './load.mjs';

const CHANGED_FILES = 40;
const LINES_PER_FILE = 25;

/** Commits the report's project on main, then changes 25 lines in each of 40 files on a branch. */
function makeGateRepo(core, data) {
  const dir = data.report.projectDir;
  writeFileSync(join(dir, '.gitignore'), 'reports/\n');
  core.git(dir, ['init', '-q', '-b', 'main']);
  core.git(dir, ['add', '-A']);
  core.git(dir, ['commit', '-q', '-m', 'main']);
  core.git(dir, ['checkout', '-q', '-b', 'feature']);
  const files = core.git(dir, ['ls-files', '*.ts']).split('\n').filter((f) => f !== '').slice(0, CHANGED_FILES);
  for (const file of files) {
    const path = join(dir, file);
    const lines = core.readText(path).split('\n');
    for (let i = 0; i < LINES_PER_FILE; i++) lines[i * 4] = `${lines[i * 4]} // changed`;
    writeFileSync(path, lines.join('\n'));
  }
  core.git(dir, ['commit', '-q', '-am', 'feature']);
  return dir;
}

async function gate(core, dir) {
  let out = '';
  const code = await core.gateMain(['check', '--base', 'main', '--format', 'json', '--exclude='], { stdout: (t) => (out += t), stderr: (t) => (out += t), env: process.env, cwd: dir });
  if (code !== 0) throw new Error(`mutant-lens check exited ${code}: ${out.slice(0, 300)}`);
  return out;
}

export async function gateRow({ core, data, reps }) {
  const dir = makeGateRepo(core, data);
  const first = JSON.parse(await gate(core, dir));
  if (first.summary.changedLines !== 0 || first.files.length !== CHANGED_FILES) throw new Error(`unexpected gate result: ${first.files.length} files`);
  const changed = first.files.length * LINES_PER_FILE;
  const result = await compare({
    reps,
    warmup: 1,
    subject: () => gate(core, dir),
    baseline: async () => {
      await loadOrThrow(core, data.report.path, dir);
      const r = await core.changedLinesSince({ gitPath: 'git', cwd: dir }, 'main');
      if (!r.ok) throw new Error(r.error.message);
    },
  });
  const ratio = result.subject / result.baseline;
  return {
    id: 'gate',
    row: 'mutant-lens check (100k mutants, 1,000-line diff)',
    subject: `${ms(result.subject)} wall (${ms(result.subjectCpu)} CPU)`,
    baseline: `${ms(result.baseline)} wall (${ms(result.baselineCpu)} CPU), loadReport + changedLinesSince`,
    ratio,
    floor: '≤ 2× load + changed lines',
    ok: ratio <= 2,
    note: `${changed} changed lines in ${CHANGED_FILES} files of the ${data.report.files}-file report project; check = git (changed lines, merge base, base report) + file walk + loadReport + placing and scoring the changed files' mutants + JSON; no lcov file`,
    values: result,
  };
}
