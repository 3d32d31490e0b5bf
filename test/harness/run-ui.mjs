// npm run test:ui [-- file-filter]
// Builds the extension, then runs test/ui/*.ui.mjs with mocha. Each test file opens a real
// VS Code workbench (code-server + headless Chromium) through test/harness/workbench.mjs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { runCleanups } from './cleanup.mjs';
import { repoRoot } from './paths.mjs';
import { run } from './processes.mjs';

const uiDir = join(repoRoot, 'test', 'ui');
const filters = process.argv.slice(2);

try {
  await run('node', ['esbuild.mjs']);
  const files = readdirSync(uiDir)
    .filter((name) => name.endsWith('.ui.mjs') && (filters.length === 0 || filters.some((f) => name.includes(f))))
    .sort();
  if (files.length === 0) throw new Error(`no test/ui/*.ui.mjs matches ${filters.join(' ') || '(all)'}`);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000, color: false });
  for (const name of files) mocha.addFile(join(uiDir, name));
  await mocha.loadFilesAsync();
  const failures = await new Promise((resolve) => mocha.run(resolve));
  process.exitCode = failures > 0 ? 1 : 0;
} catch (error) {
  console.error(`[harness] ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
