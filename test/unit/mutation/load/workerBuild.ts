// Builds the real report worker (src/core/mutation/load/worker.ts) with esbuild into a temporary
// folder, as esbuild.mjs builds dist/reportWorker.js; never committed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const SRC = path.resolve(__dirname, '../../../../src/core/mutation/load/worker.ts');

/** The built worker's file, and how to remove it. */
export async function buildWorker(): Promise<{ readonly file: string; readonly remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-worker-'));
  const file = path.join(dir, 'reportWorker.js');
  await esbuild.build({ entryPoints: [SRC], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
