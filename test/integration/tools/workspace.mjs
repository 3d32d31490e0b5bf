// The tools suite's workspace: copies of the fixtures made by the real tools, with their committed
// results only: `cargo/` (test/fixtures/cargo-mutants-crate with mutants.out from cargo-mutants)
// and `pitest/` (test/fixtures/pitest-project with target/pit-reports/mutations.xml from pitest).
// Neither cargo nor Maven is needed at test time.
import { cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../harness/paths.mjs';

export function makeToolsWorkspace(dir) {
  const copy = (from, to, skip) => {
    const source = join(repoRoot, 'test/fixtures', from);
    cpSync(source, join(dir, to), { recursive: true, filter: (path) => !skip.includes(relative(source, path)) });
  };
  copy('cargo-mutants-crate', 'cargo', ['target', 'mutants.out.old']);
  copy('pitest-project', 'pitest', []);
}
