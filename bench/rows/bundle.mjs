// Bundle size: the production build of src/extension.ts (the options of esbuild.mjs with
// --production), built into a temp folder so the dist/ other tiers use is left alone; the
// packaged .vsix too when dist/mutant-lens.vsix exists (test:vsix keeps it under 1 MiB).
import * as esbuild from 'esbuild';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../build.mjs';

const VSIX_LIMIT = 1024 * 1024;

export async function bundleRow({ build }) {
  const outdir = join(build.dir, 'dist');
  await esbuild.build({
    entryPoints: { extension: join(repoRoot, 'src', 'extension.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  const file = join(outdir, 'extension.js');
  const bytes = statSync(file).size;
  const gzip = gzipSync(readFileSync(file)).length;
  const vsix = join(repoRoot, 'dist', 'mutant-lens.vsix');
  const vsixBytes = existsSync(vsix) ? statSync(vsix).size : undefined;
  return {
    id: 'bundle',
    row: 'bundle size',
    subject: `${kib(bytes)} KiB`,
    baseline: `${kib(gzip)} KiB gzip`,
    ratio: undefined,
    floor: vsixBytes === undefined ? 'report' : '.vsix < 1 MiB',
    ok: vsixBytes === undefined ? undefined : vsixBytes < VSIX_LIMIT,
    note:
      `minified dist/extension.js (esbuild, --production options; ajv and the report schema bundled)` +
      (vsixBytes === undefined ? '; no dist/mutant-lens.vsix (run npm run package to add it)' : `; dist/mutant-lens.vsix ${kib(vsixBytes)} KiB`),
    values: { bytes, gzip, vsixBytes },
  };
}

function kib(bytes) {
  return (bytes / 1024).toFixed(1);
}
