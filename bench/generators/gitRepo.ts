/**
 * A real git repository whose working tree differs from `main` by exactly `changedLines` added
 * or changed lines (as `git diff -U0 --merge-base main` counts them): a feature branch with two
 * commits, a staged edit and an unstaged edit, plus one untracked file. Seeded, so the same
 * options give the same files and diff.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './lcov';

export interface GitRepoOptions {
  readonly seed: number;
  readonly dir: string;
  readonly files: number;
  readonly linesPerFile: number;
  /** Added or changed lines in the diff against main (a multiple of 4 × `files / 2`). */
  readonly changedLines: number;
}

export interface GitRepo {
  readonly dir: string;
  readonly untracked: string;
  /** Lines of the untracked file (every one of them counts as changed). */
  readonly untrackedLines: number;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(dir: string, args: readonly string[]): string {
  const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, maxBuffer: 256 << 20 });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

export function generateGitRepo(options: GitRepoOptions): GitRepo {
  const random = seededRandom(options.seed);
  const int = (n: number): number => Math.floor(random() * n);
  const { dir } = options;
  mkdirSync(join(dir, 'src'), { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const names = Array.from({ length: options.files }, (_, i) => join('src', `file${i}.ts`));
  for (const name of names) {
    const lines = Array.from({ length: options.linesPerFile }, (_, line) => `export const value${line} = ${int(1000)}; // line ${line + 1}`);
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'main']);
  git(dir, ['checkout', '-q', '-b', 'feature']);
  // Four kinds of change share the work: two commits, a staged edit, an unstaged edit.
  const edited = names.slice(0, Math.ceil(options.files / 2));
  const perStep = Math.floor(options.changedLines / 4 / edited.length);
  const steps = ['commit 1', 'commit 2', 'staged', 'unstaged'];
  steps.forEach((step, stepIndex) => {
    for (const [fileIndex, name] of edited.entries()) {
      const count = perStep + (stepIndex === 3 && fileIndex === 0 ? options.changedLines - 4 * perStep * edited.length : 0);
      editFile(join(dir, name), stepIndex, count, int);
    }
    if (step.startsWith('commit')) {
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', step]);
    } else if (step === 'staged') {
      git(dir, ['add', '-A']);
    }
  });
  const untracked = join('src', 'untracked.ts');
  const untrackedLines = 20;
  writeFileSync(join(dir, untracked), Array.from({ length: untrackedLines }, (_, i) => `export const fresh${i} = ${i};\n`).join(''));
  return { dir, untracked, untrackedLines };
}

/**
 * Changes `count` lines of one file in a region of its own (so steps never touch each other's
 * lines): half replaced in place, half inserted as new lines.
 */
function editFile(file: string, step: number, count: number, int: (n: number) => number): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const region = Math.floor((lines.length - 1) / 4);
  const start = step * region + 2;
  const replaced = Math.floor(count / 2);
  for (let i = 0; i < replaced; i++) lines[start + 2 * i] = `export const changed${step}_${i} = ${int(1000)};`;
  const inserted = Array.from({ length: count - replaced }, (_, i) => `export const added${step}_${i} = ${int(1000)};`);
  lines.splice(start + 2 * replaced + 1, 0, ...inserted);
  writeFileSync(file, lines.join('\n'));
}
