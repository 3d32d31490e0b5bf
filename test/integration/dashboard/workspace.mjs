// The dashboard suite's workspace: the sample project's sources without any report (the
// Dashboard is the only source), a Stryker config (an activation event), and git's own files
// naming the origin remote and a branch with slashes (no git process is needed to read them).
// The real report of the sample project is kept as `fixture-report.json`, which no report glob matches.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../harness/paths.mjs';

export function makeDashboardWorkspace(dir) {
  const sample = join(repoRoot, 'test/fixtures/sample-project');
  for (const name of ['src', 'package.json', 'tsconfig.json', 'stryker.config.json']) cpSync(join(sample, name), join(dir, name), { recursive: true });
  cpSync(join(sample, 'reports/mutation/mutation.json'), join(dir, 'fixture-report.json'));
  // The folder a local report is written to later exists from the start: the test is about the
  // Dashboard report giving way, not about noticing new folders.
  mkdirSync(join(dir, 'reports/mutation'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git/config'), '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
  writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/feat/dash-board\n');
  return dir;
}

/**
 * The dashboard-base suite's workspace: the change suite's real git history (main, and
 * feature/discounts checked out with edits, see test/fixtures/README.md) and the real report of
 * the edited working tree, but no report committed at the merge base: the Dashboard's report of
 * the base branch is the base. An `origin` remote whose `main` is tracked (no network: the ref is
 * made locally), so that `origin/main` can be chosen as the diff base.
 */
export async function makeDashboardBaseWorkspace(dir) {
  const { makeSampleWorkspace, WORKSPACE_MUTATION } = await import('../../fixtures/make-sample-workspace.mjs');
  const ws = await makeSampleWorkspace(dir, { linkNodeModules: false, commitReport: false });
  await rm(join(ws.root, 'reports/mutation/mutation.html'), { force: true });
  await rm(join(ws.root, 'reports/stryker-incremental.json'), { force: true });
  await copyFile(WORKSPACE_MUTATION, join(ws.root, 'reports/mutation/mutation.json'));
  const git = (...args) => execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: ws.root, stdio: 'ignore' });
  git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
  git('update-ref', 'refs/remotes/origin/main', 'refs/heads/main');
}
