// npm run generate:validator: writes src/core/mutation/report/schemaValidator.generated.js, ajv's
// standalone code for the report schema (see src/core/mutation/report/schemaValidatorSource.ts).
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'mutant-lens-validator-'));
try {
  const outfile = join(dir, 'source.cjs');
  await esbuild.build({ entryPoints: [join(root, 'src/core/mutation/report/schemaValidatorSource.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', absWorkingDir: root, logLevel: 'warning' });
  const { schemaValidatorSource } = createRequire(join(root, 'package.json'))(outfile);
  const target = join(root, 'src/core/mutation/report/schemaValidator.generated.js');
  writeFileSync(target, schemaValidatorSource());
  console.log(`wrote ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
