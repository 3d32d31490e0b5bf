// npm run test:integration [-- suiteName ...]
// Builds the extension and the suites, then runs each suite of test/integration/suites.mjs
// inside a real VS Code (code-server + headless Chromium), offline.
import { suites } from '../integration/suites.mjs';
import { runCleanups } from './cleanup.mjs';
import { run } from './processes.mjs';
import { runSuites, selectSuites } from './suiteRunner.mjs';

try {
  const selected = selectSuites(suites, process.argv.slice(2));
  await run('node', ['esbuild.mjs']);
  process.exitCode = await runSuites(selected);
} catch (error) {
  console.error(`[harness] ${error.message}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
