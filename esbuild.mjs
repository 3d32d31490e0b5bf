// Bundles the extension (src/extension.ts -> dist/extension.js, its report worker -> dist/reportWorker.js) and the integration suites
// (test/integration/**/index.ts -> out/test/...). `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const extension = {
  entryPoints: {
    extension: 'src/extension.ts',
    // The StrykerJS reporter plugin passed with --appendPlugins (imported by Stryker: CJS works).
    'stryker-progress-reporter': 'src/rerun/strykerProgressReporter.ts',
    // The command-line gate (`mutant-lens check`), on the same core, without any editor code.
    cli: 'src/cli/bin.ts',
    // The report worker (node:worker_threads): reads, parses, validates and indexes reports off the extension host's thread.
    reportWorker: 'src/core/mutation/load/worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.js' },
  define: { MUTANT_LENS_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

function suites(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...suites(full));
    else if (name.endsWith('.ts')) found.push(full);
  }
  return found;
}

const tests = {
  entryPoints: suites('test/integration'),
  outdir: 'out/test',
  outbase: 'test',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: true,
  logLevel: 'warning',
};

const entries = [extension];
if (!production) entries.push(tests);
for (const options of entries.filter((o) => o.entryPoints.length ?? Object.keys(o.entryPoints).length)) {
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
