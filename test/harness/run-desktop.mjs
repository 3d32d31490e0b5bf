// npm run test:desktop [-- suiteName ...]
// The suites of test/integration/suites.mjs in VS Code desktop through @vscode/test-electron,
// for machines that can download VS Code (not these offline machines, and not CI: there,
// npm run test:integration runs the same suites in code-server).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { suites } from '../integration/suites.mjs';
import { onCleanup, runCleanups } from './cleanup.mjs';
import { defaultSettings } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { run } from './processes.mjs';
import { selectSuites } from './suiteRunner.mjs';
import { prepareWorkspace } from './workspaces.mjs';

console.log('[harness] NOTE: this downloads VS Code desktop into .vscode-test/ on first use (needs access to the VS Code update service).');

try {
  const selected = selectSuites(suites, process.argv.slice(2));
  await run('node', ['esbuild.mjs']);
  const failed = [];
  for (const suite of selected) {
    console.log(`\n[harness] suite ${suite.name} (desktop)`);
    if (!(await runDesktopSuite(suite))) failed.push(suite.name);
  }
  console.log(`\n[harness] ${selected.length - failed.length} suite(s) passed, ${failed.length} failed${failed.length ? `: ${failed.join(', ')}` : ''}`);
  process.exitCode = failed.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`[harness] ${error.message}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}

async function runDesktopSuite(suite) {
  const workspace = await prepareWorkspace(suite.workspace, { copy: suite.copy });
  const profile = mkdtempSync(join(tmpdir(), 'mutant-lens-desktop-'));
  const disposeProfile = onCleanup(() => rmSync(profile, { recursive: true, force: true }));
  mkdirSync(join(profile, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(profile, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...defaultSettings, ...suite.settings }, null, 2));
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, suite.tests),
      extensionTestsEnv: suite.env,
      launchArgs: [workspace.folder, '--user-data-dir', join(profile, 'user-data'), '--extensions-dir', join(profile, 'extensions'), '--skip-welcome', '--skip-release-notes'],
    });
    return true;
  } catch (error) {
    console.error(`[harness] suite ${suite.name} failed: ${error.message ?? error}`);
    return false;
  } finally {
    await disposeProfile();
    workspace.dispose();
  }
}
