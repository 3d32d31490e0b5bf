import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** One entry of corpus.json. */
export interface CorpusEntry {
  readonly kind: 'mutation' | 'lcov';
  readonly tool: string;
  /** Path relative to the corpus folder. */
  readonly file: string;
  /** Where the tool writes it in a project (mutation reports): decides tool and package folder. */
  readonly layout?: string;
  /** The upstream verdict of the schema's own test files. */
  readonly expect?: 'valid' | 'invalid';
  readonly note?: string;
}

const REPO = path.resolve(__dirname, '../..');

/**
 * Where the corpus is: $MUTANT_LENS_CORPUS alone when set, else `../shared/corpus` beside the clone
 * (as in CI), else beside the main checkout when this is a git worktree (its `.git` file names it).
 */
export function corpusCandidates(env: NodeJS.ProcessEnv = process.env, repo = REPO): string[] {
  if (env.MUTANT_LENS_CORPUS) return [env.MUTANT_LENS_CORPUS];
  const candidates = [path.join(repo, '../shared/corpus')];
  const gitFile = path.join(repo, '.git');
  if (existsSync(gitFile) && statSync(gitFile).isFile()) {
    const gitdir = /^gitdir: (.+)$/m.exec(readFileSync(gitFile, 'utf8'))?.[1]?.trim();
    const main = gitdir === undefined ? undefined : /^(.*)[\\/]\.git[\\/]worktrees[\\/][^\\/]+$/.exec(gitdir)?.[1];
    if (main !== undefined) candidates.push(path.join(main, '../shared/corpus'));
  }
  return candidates;
}

export function findCorpus(): string | undefined {
  return corpusCandidates().find((dir) => existsSync(path.join(dir, 'corpus.json')));
}

export function readCorpus(dir: string): CorpusEntry[] {
  return JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as CorpusEntry[];
}
