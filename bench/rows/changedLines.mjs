// Changed lines on a real repository whose working tree differs from main by 1,000 added or
// changed lines (two commits, a staged and an unstaged edit) plus an untracked file:
// src/core/git's changedLinesSince (every git command it runs, and the parsing) against one bare
// `git diff -U0 --merge-base main` run through the same runProcess.
import { compare } from '../measure.mjs';
import { ms } from './load.mjs';

const DIFF = ['diff', '--no-color', '--no-ext-diff', '-U0', '--merge-base', 'main'];

async function changed(core, dir) {
  const result = await core.changedLinesSince({ gitPath: 'git', cwd: dir }, undefined);
  if (!result.ok) throw new Error(`changedLinesSince failed: ${result.error.message}`);
  return result.value;
}

async function bareDiff(core, dir) {
  const result = await core.runProcess({ command: 'git', args: DIFF, cwd: dir });
  if (!result.ok || result.value.exitCode !== 0) throw new Error('git diff failed');
  return result.value.stdout;
}

export async function changedLinesRow({ core, data, reps }) {
  const dir = data.repo.dir;
  const { base, changed: files } = await changed(core, dir);
  let lines = 0;
  let untracked = 0;
  for (const set of files.values()) {
    if (set === 'all') untracked++;
    else lines += set.length;
  }
  if (lines !== 1_000) throw new Error(`expected 1,000 changed lines against main, got ${lines}`);
  const result = await compare({
    reps,
    warmup: 2,
    subject: () => changed(core, dir),
    baseline: () => bareDiff(core, dir),
  });
  return {
    id: 'changedLines',
    row: 'changed lines, 1,000-line diff',
    subject: ms(result.subject),
    baseline: `${ms(result.baseline)} (bare git diff)`,
    ratio: result.subject / result.baseline,
    floor: 'report',
    ok: undefined,
    note: `changedLinesSince against ${base.base} (${base.source}): rev-parse, symbolic-ref, for-each-ref, rev-parse --verify, merge-base, diff -U0, ls-files = 7 git processes, then parseDiff; ${lines} lines in ${files.size - untracked} files + ${untracked} untracked file`,
    values: result,
  };
}
