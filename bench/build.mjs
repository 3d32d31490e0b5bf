// Bundles bench/core.ts (the measured src/core modules and the generators) into a temp folder,
// and the production extension bundle for the size row. Returns the loaded core module.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the core for Node (CommonJS, not minified) and loads it. */
export async function buildCore() {
  const dir = mkdtempSync(join(tmpdir(), 'mutant-lens-bench-'));
  const outfile = join(dir, 'core.cjs');
  await esbuild.build({
    entryPoints: [join(repoRoot, 'bench', 'core.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return { dir, file: outfile, workerFile: await buildReportWorker(dir), core: createRequire(import.meta.url)(outfile) };
}

/** The report loader's worker thread entry (issue 15), bundled as the extension's build bundles it; undefined before it exists. */
export const REPORT_WORKER_ENTRY = join(repoRoot, 'src', 'core', 'mutation', 'load', 'worker.ts');

async function buildReportWorker(dir) {
  if (!existsSync(REPORT_WORKER_ENTRY)) return undefined;
  const outfile = join(dir, 'reportWorker.js');
  await esbuild.build({ entryPoints: [REPORT_WORKER_ENTRY], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
  return outfile;
}
