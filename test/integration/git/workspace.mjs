// Repositories for the git suites, built at test time with real git:
//
//   remote.git (bare)  main: M                     (origin of the repository)
//   repo               main: M -- feature: F1 (line 2) -- F2 (line 5)   <- HEAD, plus line 8 unstaged
//
// src/a.ts has ten lines; coverage/lcov.info (git-ignored) says none of them ran, so the
// uncovered changed lines are exactly the changed lines: 0-based [1, 4, 7] against origin/main.
// When origin/main moves to F1 (a fetch), they are [4, 7].
//
// makeHostileWorkspace adds, after the history is made, repository config that runs programs:
// core.fsmonitor, a clean filter and a long-running process filter used by .gitattributes, and a
// diff textconv driver, each a script that writes a marker file into <dir>/markers/ (outside the
// opened folder). makeWorktreeWorkspace opens a linked worktree of the repository instead (its
// `.git` is a file), on the feature branch.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IDENTITY = ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];

export function git(cwd, ...args) {
  const env = { ...process.env, GIT_AUTHOR_DATE: '2024-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-05-01T10:00:00Z', GIT_TERMINAL_PROMPT: '0' };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  return execFileSync('git', [...IDENTITY, ...args], { cwd, env, encoding: 'utf8' }).trim();
}

const LINES = Array.from({ length: 10 }, (_, i) => `export const a${i + 1} = ${i + 1};`);

function source(changed) {
  return `${LINES.map((line, i) => (changed.includes(i) ? line.replace(/= \d+;/, `= ${100 + i};`) : line)).join('\n')}\n`;
}

function lcov() {
  return `TN:\nSF:src/a.ts\n${LINES.map((_, i) => `DA:${i + 1},0`).join('\n')}\nLF:10\nLH:0\nend_of_record\n`;
}

/** remote.git and repo (checked out on feature) in `dir`; returns the paths and the commits. */
function makeRepository(dir) {
  const remote = join(dir, 'remote.git');
  const repo = join(dir, 'repo');
  mkdirSync(remote);
  mkdirSync(join(repo, 'src'), { recursive: true });
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'src', 'a.ts'), source([]));
  writeFileSync(join(repo, 'README.md'), '# A\n');
  writeFileSync(join(repo, 'notes.txt'), 'notes\n');
  // A test runner's config, as real projects have: it activates the extension (in a git
  // repository, workspaceContains does not see the git-ignored coverage/lcov.info).
  writeFileSync(join(repo, 'vitest.config.ts'), 'export default {};\n');
  writeFileSync(join(repo, '.gitignore'), 'coverage/\n');
  writeFileSync(join(repo, '.gitattributes'), '*.ts filter=marker-clean diff=marker-textconv\n*.md filter=marker-process\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'M');
  git(repo, 'remote', 'add', 'origin', remote);
  git(repo, 'push', '-q', 'origin', 'main');
  git(repo, 'fetch', '-q', 'origin');
  git(repo, 'remote', 'set-head', 'origin', 'main');
  git(repo, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'src', 'a.ts'), source([1]));
  git(repo, 'commit', '-q', '-am', 'F1');
  const f1 = git(repo, 'rev-parse', 'HEAD');
  // The remote has F1 (as another branch), so that a later fetch can move origin/main onto it.
  git(repo, 'push', '-q', 'origin', 'HEAD:refs/heads/f1');
  writeFileSync(join(repo, 'src', 'a.ts'), source([1, 4]));
  git(repo, 'commit', '-q', '-am', 'F2');
  return { remote, repo, f1, m: git(repo, 'rev-parse', 'main') };
}

function addCoverage(folder) {
  mkdirSync(join(folder, 'coverage'));
  writeFileSync(join(folder, 'coverage', 'lcov.info'), lcov());
}

const HOOKS = {
  fsmonitor: 'exit 1',
  clean: 'cat',
  process: 'exit 0',
  textconv: 'cat "$1"',
};

/** The hostile repository, opened untrusted; its marker folder is <dir>/markers. */
export function makeHostileWorkspace(dir) {
  const { repo } = makeRepository(dir);
  writeFileSync(join(repo, 'src', 'a.ts'), source([1, 4, 7]));
  addCoverage(repo);
  // Files written in the same second as the index are "racily clean": git would read them again
  // through their filter. Dated back and refreshed, only the edited src/a.ts goes through one.
  for (const file of ['README.md', 'notes.txt', 'vitest.config.ts', '.gitattributes', '.gitignore']) utimesSync(join(repo, file), new Date('2024-01-01'), new Date('2024-01-01'));
  git(repo, 'update-index', '-q', '--refresh');
  mkdirSync(join(dir, 'markers'));
  mkdirSync(join(dir, 'hooks'));
  const hook = (name) => {
    const file = join(dir, 'hooks', `${name}.sh`);
    writeFileSync(file, `#!/bin/sh\necho ran > '${join(dir, 'markers', name)}'\n${HOOKS[name]}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  git(repo, 'config', 'core.fsmonitor', hook('fsmonitor'));
  git(repo, 'config', 'filter.marker-clean.clean', hook('clean'));
  git(repo, 'config', 'filter.marker-process.process', hook('process'));
  git(repo, 'config', 'diff.marker-textconv.textconv', hook('textconv'));
  return repo;
}

/** A linked worktree of the repository on the feature branch (the main worktree stays on main). */
export function makeWorktreeWorkspace(dir) {
  const { repo } = makeRepository(dir);
  git(repo, 'checkout', '-q', 'main');
  const worktree = join(dir, 'wt');
  git(repo, 'worktree', 'add', '-q', worktree, 'feature');
  writeFileSync(join(worktree, 'src', 'a.ts'), source([1, 4, 7]));
  addCoverage(worktree);
  return worktree;
}

/**
 * A multi-root workspace (`folders.code-workspace`) of three repositories a, b, c, each like the
 * one above; a and b hold coverage, c does not. Each repository's core.fsmonitor writes
 * <dir>/markers/<name>, so a git run in it leaves a trace.
 */
export function makeFoldersWorkspace(dir) {
  mkdirSync(join(dir, 'markers'));
  const folders = ['a', 'b', 'c'].map((name) => {
    const own = join(dir, name);
    mkdirSync(own);
    const { repo } = makeRepository(own);
    writeFileSync(join(repo, 'src', 'a.ts'), source([1, 4, 7]));
    if (name !== 'c') addCoverage(repo);
    const hook = join(own, 'fsmonitor.sh');
    writeFileSync(hook, `#!/bin/sh\necho ran > '${join(dir, 'markers', name)}'\nexit 1\n`);
    chmodSync(hook, 0o755);
    git(repo, 'config', 'core.fsmonitor', hook);
    return repo;
  });
  const file = join(dir, 'folders.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: folders.map((path) => ({ path })) }, null, 2));
  return file;
}
