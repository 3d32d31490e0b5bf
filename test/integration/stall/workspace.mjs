// The stall suite's workspace (issue 15): the bench's seeded 100k-mutant StrykerJS report
// (bench/generators/report.ts, bundled here with esbuild; about 60 MB) with its 2,000 source files
// on disk. The report waits in `incoming/mutation.json`, where no report is looked for: the test
// moves it to reports/mutation/mutation.json while it measures. `expected.json` holds what the
// extension must show for one file, worked out here from the report itself (1-based → 0-based).
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../harness/paths.mjs';

export const SEED = 7;

async function loadGenerator() {
  const outfile = join(tmpdir(), `mutant-lens-report-generator-${process.pid}.cjs`);
  await esbuild.build({ entryPoints: [join(repoRoot, 'bench', 'generators', 'report.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
  try {
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(outfile, { force: true });
  }
}

function shown(mutant) {
  const { start, end } = mutant.location;
  return {
    id: mutant.id,
    status: mutant.status,
    mutatorName: mutant.mutatorName,
    replacement: mutant.replacement,
    range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
  };
}

export async function makeStallWorkspace(dir) {
  const generator = await loadGenerator();
  const report = generator.generateReport({ ...generator.DEFAULT_REPORT_OPTIONS, seed: SEED, projectRoot: dir });
  for (const [key, file] of Object.entries(report.files)) {
    mkdirSync(dirname(join(dir, key)), { recursive: true });
    writeFileSync(join(dir, key), file.source);
  }
  mkdirSync(join(dir, 'incoming'));
  mkdirSync(join(dir, 'reports', 'mutation'), { recursive: true });
  writeFileSync(join(dir, 'incoming', 'mutation.json'), JSON.stringify(report));
  const keys = Object.keys(report.files);
  // The file in the middle of the report's order, as the bench's markersReady row picks it.
  const chosen = keys[keys.length >> 1];
  const mutants = Object.values(report.files).reduce((sum, file) => sum + file.mutants.length, 0);
  writeFileSync(join(dir, 'expected.json'), JSON.stringify({ files: keys.length, mutants, chosen, shown: report.files[chosen].mutants.map(shown) }));
  return dir;
}
