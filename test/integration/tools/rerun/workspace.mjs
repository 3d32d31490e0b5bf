// The cargo rerun suite's workspace: a copy of the real cargo-mutants fixture crate, plus the
// outcome of a second file (src/other.rs, not part of the crate's build) added to its
// outcomes.json, to see that a one-file rerun keeps the other files' results.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { repoRoot } from '../../../harness/paths.mjs';

export const OTHER_SOURCE = 'pub fn add(a: u32, b: u32) -> u32 { a + b }\n';

/**
 * The PATH folder holding cargo-mutants when the harness starts. code-server's extension host takes
 * PATH from the login shell, so the suite passes the folder on in a file and the test prepends it.
 */
function cargoMutantsDir() {
  const found = (process.env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && existsSync(join(dir, 'cargo-mutants')));
  if (found === undefined) throw new Error('tools-rerun needs cargo-mutants on PATH: cargo install cargo-mutants --locked --version 27.1.0');
  return found;
}

export function makeCargoRerunWorkspace(dir) {
  writeFileSync(join(dir, '.cargo-mutants-dir'), cargoMutantsDir());
  const source = join(repoRoot, 'test/fixtures/cargo-mutants-crate');
  cpSync(source, dir, { recursive: true, filter: (path) => relative(source, path) !== 'target' });
  writeFileSync(join(dir, 'src/other.rs'), OTHER_SOURCE);
  const file = join(dir, 'mutants.out/outcomes.json');
  const outcomes = JSON.parse(readFileSync(file, 'utf8'));
  const column = OTHER_SOURCE.indexOf('+') + 1;
  const span = { start: { line: 1, column }, end: { line: 1, column: column + 1 } };
  const mutant = { name: `src/other.rs:1:${column}: replace + with - in add`, package: 'cart', file: 'src/other.rs', function: null, span, replacement: '-', genre: 'BinaryOperator' };
  outcomes.outcomes.push({ scenario: { Mutant: mutant }, summary: 'MissedMutant', log_path: 'log/other.log', diff_path: null, phase_results: [] });
  writeFileSync(file, JSON.stringify(outcomes, null, 2));
}
