/**
 * `mutant-lens check` end to end on real git repositories: the exact JSON, exit codes, the
 * messages of bad input, the base report at the merge base, renamed and untracked files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { DEFAULT_MUTATION_REPORTS } from '../../../src/core/shared/settingDefaults';
import { git, lcov, report, tempDir, write } from './repo';

/** The default report globs, as the messages list them. */
const REPORT_GLOBS = DEFAULT_MUTATION_REPORTS.join(', ');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function check(cwd: string, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { PATH: process.env.PATH }, cwd });
  return { code, stdout, stderr };
}

const CALC_MAIN = `export function total(a: number, b: number): number {
  if (a > 0) {
    return a + b;
  }
  return b;
}
`;
const CALC_FEATURE = `export function total(a: number, b: number): number {
  if (a > 0) {
    return a + b + 1;
  }
  return b;
}

export function twice(x: number): number {
  return x * 2;
}
`;
const OLD_MAIN = `export const name = 'old';
export const size = 1;
`;
const RENAMED_FEATURE = `export const name = 'old';
export const size = 2;
`;
const NEW_FILE = `export const fresh = true;
`;

/**
 * main: calc.ts and old.ts with a report and lcov committed (the base's report).
 * feature: calc.ts changed (line 3) and grown (lines 7-10), old.ts renamed to renamed.ts with
 * line 2 changed, plus an untracked new.ts; its own report and lcov in the working tree.
 */
function makeRepo(): string {
  const root = tempDir('ml-gate-');
  git(root, 'init', '-q');
  write(root, 'src/calc.ts', CALC_MAIN);
  write(root, 'src/old.ts', OLD_MAIN);
  write(root, 'reports/mutation/mutation.json', report({
    'src/calc.ts': { source: CALC_MAIN, mutants: [
      { mutatorName: 'BlockStatement', replacement: '{}', status: 'Survived', from: [2, 14], to: [4, 4] },
      { mutatorName: 'ArithmeticOperator', replacement: 'a - b', status: 'Survived', from: [3, 12], to: [3, 17] },
    ] },
  }));
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'main');
  git(root, 'checkout', '-q', '-b', 'feature');
  write(root, 'src/calc.ts', CALC_FEATURE);
  git(root, 'mv', 'src/old.ts', 'src/renamed.ts');
  write(root, 'src/renamed.ts', RENAMED_FEATURE);
  git(root, 'commit', '-q', '-am', 'feature');
  write(root, 'src/new.ts', NEW_FILE);
  write(root, 'test/calc.test.ts', 'test');
  write(root, 'coverage/lcov.info', '');
  write(root, 'reports/mutation/mutation.json', report({
    'src/calc.ts': { source: CALC_FEATURE, mutants: [
      { mutatorName: 'BlockStatement', replacement: '{}', status: 'Survived', from: [2, 14], to: [4, 4] },
      { mutatorName: 'ArithmeticOperator', replacement: 'a + b - 1', status: 'Killed', from: [3, 12], to: [3, 21] },
      { mutatorName: 'ArithmeticOperator', replacement: 'x / 2', status: 'Survived', from: [9, 10], to: [9, 15] },
      { mutatorName: 'ConditionalExpression', replacement: 'false', status: 'Survived', from: [2, 7], to: [2, 12] },
    ] },
    'src/renamed.ts': { source: RENAMED_FEATURE, mutants: [{ mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', from: [1, 21], to: [1, 26] }] },
  }));
  write(root, 'coverage/lcov.info', lcov({ 'src/calc.ts': [[1, 1], [2, 3], [3, 2], [5, 1], [8, 0], [9, 0]], 'src/renamed.ts': [[1, 1], [2, 1]] }));
  return root;
}

describe('mutant-lens check on a real repository', () => {
  let root = '';
  beforeAll(() => {
    root = makeRepo();
  });

  it('writes the exact JSON: covered, uncovered, untracked and renamed files; surviving and killed mutants; new since the base', async () => {
    const run = await check(root, '--format', 'json', '--base', 'main');
    const mergeBase = git(root, 'merge-base', 'main', 'HEAD').trim();
    const totals = (changedLines: number, covered: number, mutants: number, detected: number, newSurvivors: number | null) => ({
      changedLines,
      coveredChangedLines: covered,
      patchCoverage: changedLines === 0 ? null : (covered / changedLines) * 100,
      mutants,
      detected,
      undetected: mutants - detected,
      patchMutationScore: mutants === 0 ? null : (detected / mutants) * 100,
      stale: 0,
      newSurvivors,
    });
    expect({ code: run.code, stderr: run.stderr, json: JSON.parse(run.stdout) }).toEqual({
      code: 0,
      stderr: '',
      json: {
        status: 'pass',
        base: 'main',
        mergeBase,
        gates: [],
        summary: totals(4, 2, 3, 1, 1),
        files: [
          { file: 'src/calc.ts', ...totals(3, 1, 3, 1, 1) },
          { file: 'src/new.ts', ...totals(0, 0, 0, 0, null) },
          { file: 'src/renamed.ts', ...totals(1, 1, 0, 0, 0) },
        ],
        uncovered: [
          { file: 'src/calc.ts', line: 8, kind: 'uncovered' },
          { file: 'src/calc.ts', line: 9, kind: 'uncovered' },
          { file: 'src/new.ts', line: 1, kind: 'no-coverage-data' },
        ],
        survivors: [
          { file: 'src/calc.ts', line: 2, column: 14, endLine: 4, endColumn: 4, mutator: 'BlockStatement', replacement: '{}', status: 'Survived', new: false },
          { file: 'src/calc.ts', line: 9, column: 10, endLine: 9, endColumn: 15, mutator: 'ArithmeticOperator', replacement: 'x / 2', status: 'Survived', new: true },
        ],
      },
    });
  });

  it('fails a gate with exit code 1 and passes it at the measured value', async () => {
    expect((await check(root, '--base', 'main', '--min-patch-coverage', '50.01', '--format', 'json')).code).toBe(1);
    expect((await check(root, '--base', 'main', '--min-patch-coverage', '50', '--min-patch-mutation-score', '33.33')).code).toBe(0);
    const failed = await check(root, '--base', 'main', '--min-patch-mutation-score', '34');
    expect([failed.code, failed.stdout.split('\n')[2]]).toEqual([1, 'Patch mutation score: 1/3 mutants caught (33.33%), floor 34%: FAIL; 1 new since the base']);
  });

  it('writes to --output and reads the base from .vscode/settings.json (the flag wins)', async () => {
    const copy = tempDir('ml-gate-settings-');
    git(copy, 'clone', '-q', root, '.');
    git(copy, 'checkout', '-q', 'feature');
    for (const file of ['src/new.ts', 'reports/mutation/mutation.json', 'coverage/lcov.info']) write(copy, file, readFileSync(join(root, file), 'utf8'));
    write(copy, '.vscode/settings.json', '{ // the team base\n "mutantLens.diffBase": "no-such-branch", }');
    const bad = await check(copy);
    expect([bad.code, bad.stderr]).toEqual([2, 'mutant-lens: Base "no-such-branch" not found: no such branch or commit here (not fetched?). Fetch the base branch (git fetch origin <base>) or name one with --base.\n']);
    const good = await check(copy, '--base', 'origin/main', '--format', 'json', '--output', 'out/gate.json');
    expect([good.code, good.stdout, JSON.parse(readFileSync(join(copy, 'out/gate.json'), 'utf8')).base]).toEqual([0, '', 'origin/main']);
  });

  it('leaves out what --exclude names (the defaults leave out tests)', async () => {
    const all = JSON.parse((await check(root, '--base', 'main', '--format', 'json', '--exclude=')).stdout);
    expect(all.files.map((f: { file: string }) => f.file)).toEqual(['src/calc.ts', 'src/new.ts', 'src/renamed.ts', 'test/calc.test.ts']);
    const some = JSON.parse((await check(root, '--base', 'main', '--format', 'json', '--exclude', 'src/new.ts', '--exclude', '**/renamed.ts')).stdout);
    expect(some.files.map((f: { file: string }) => f.file)).toEqual(['src/calc.ts', 'test/calc.test.ts']);
  });
});

describe('mutant-lens check on bad input (exit code 2, one line)', () => {
  it('says there is no report and no lcov file', async () => {
    const root = tempDir('ml-gate-empty-');
    git(root, 'init', '-q');
    write(root, 'a.ts', 'x\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'a');
    const run = await check(root);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `mutant-lens: No mutation report (${REPORT_GLOBS}) and no lcov file (**/coverage/lcov.info) under ${root}: run the tests with coverage and Stryker first.\n`,
    ]);
  });

  it('says a gate has nothing to measure', async () => {
    const root = tempDir('ml-gate-lcov-only-');
    git(root, 'init', '-q');
    write(root, 'coverage/lcov.info', lcov({ 'a.ts': [[1, 1]] }));
    write(root, 'a.ts', 'x\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'a');
    const run = await check(root, '--min-patch-mutation-score', '80');
    expect([run.code, run.stderr]).toEqual([2, `mutant-lens: --min-patch-mutation-score needs a mutation report, and none was found under ${root} (${REPORT_GLOBS}).\n`]);
  });

  it('says when the folder is not a git repository', async () => {
    const root = tempDir('ml-gate-nogit-');
    const run = await check(root);
    expect([run.code, run.stderr]).toEqual([2, `mutant-lens: Not inside a git repository: ${root}\n`]);
  });

  it('says how to fetch the base in a shallow clone', async () => {
    const origin = tempDir('ml-gate-origin-');
    git(origin, 'init', '-q');
    for (let i = 0; i < 3; i++) {
      write(origin, 'a.ts', `x${i}\n`);
      git(origin, 'add', '-A');
      git(origin, 'commit', '-q', '-m', `c${i}`);
    }
    git(origin, 'checkout', '-q', '-b', 'feature');
    write(origin, 'a.ts', 'y\n');
    git(origin, 'commit', '-q', '-am', 'feature');
    const shallow = tempDir('ml-gate-shallow-');
    git(shallow, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, '.');
    write(shallow, 'coverage/lcov.info', lcov({ 'a.ts': [[1, 1]] }));
    const run = await check(shallow, '--base', 'origin/main');
    expect([run.code, run.stderr]).toEqual([2, 'mutant-lens: Base "origin/main" not found: no such branch or commit here (not fetched?). This is a shallow clone: fetch the whole history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0), or git fetch --unshallow.\n']);
  });

  it('says which report cannot be read', async () => {
    const root = tempDir('ml-gate-broken-');
    git(root, 'init', '-q');
    write(root, 'a.ts', 'x\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'a');
    write(root, 'reports/mutation/mutation.json', '{"schemaVersion": "1.0", "files": ');
    const run = await check(root);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith('mutant-lens: Mutation report reports/mutation/mutation.json ')).toBe(true);
    expect(readFileSync(join(root, 'reports/mutation/mutation.json'), 'utf8')).toBe('{"schemaVersion": "1.0", "files": ');
  });
});
