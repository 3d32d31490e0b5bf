/** Small real git repositories for the command-line gate's tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const NEUTRAL = ['-c', 'user.name=Sam Ple', '-c', 'user.email=sam@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'core.hooksPath=/dev/null', '-c', 'init.defaultBranch=main'];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...NEUTRAL, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2024-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-05-01T10:00:00Z' } });
}

export function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface MutantSpec {
  readonly mutatorName: string;
  readonly replacement: string;
  readonly status: string;
  /** 1-based line, 1-based column, end exclusive (as the schema writes them). */
  readonly from: [number, number];
  readonly to: [number, number];
}

/** A mutation-testing-report-schema report of the given files. */
export function report(files: Record<string, { source: string; mutants: MutantSpec[] }>): string {
  return JSON.stringify({
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60 },
    files: Object.fromEntries(
      Object.entries(files).map(([key, file]) => [
        key,
        {
          language: 'typescript',
          source: file.source,
          mutants: file.mutants.map((m, i) => ({ id: String(i), mutatorName: m.mutatorName, replacement: m.replacement, status: m.status, location: { start: { line: m.from[0], column: m.from[1] }, end: { line: m.to[0], column: m.to[1] } } })),
        },
      ]),
    ),
  });
}

/** lcov text: per SF, its DA lines (1-based) and hits. */
export function lcov(files: Record<string, Array<[number, number]>>): string {
  return Object.entries(files)
    .map(([sf, lines]) => `SF:${sf}\n${lines.map(([line, hits]) => `DA:${line},${hits}`).join('\n')}\nend_of_record\n`)
    .join('');
}
