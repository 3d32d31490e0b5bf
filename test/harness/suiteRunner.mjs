// Runs declared integration suites (test/integration/suites.mjs) one after another in
// code-server and prints a summary per suite and in total.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { defaultSettings } from './codeServer.mjs';
import { runExtensionTests } from './extensionTests.mjs';
import { mochaCounts } from './mochaCounts.mjs';
import { repoRoot, resultsDir } from './paths.mjs';
import { prepareWorkspace } from './workspaces.mjs';

export const defaultSuiteTimeoutMs = 120_000;

/** Picks the suites named on the command line (all when none); throws on an unknown name. */
export function selectSuites(all, names) {
  if (names.length === 0) return all.filter((suite) => suite.explicit !== true);
  const unknown = names.filter((name) => !all.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
  return all.filter((suite) => names.includes(suite.name));
}

/** Runs one suite; never throws: a failure to start counts as a failed suite. */
export async function runSuite(suite, { extensionDevelopmentPath = repoRoot, extensionsDir, env } = {}) {
  const started = Date.now();
  const testsModule = isAbsolute(suite.tests) ? suite.tests : join(repoRoot, suite.tests);
  console.log(`\n[harness] suite ${suite.name}: ${suite.tests}`);
  let result;
  let workspace;
  try {
    if (!existsSync(`${testsModule}.js`)) throw new Error(`${suite.tests}.js does not exist; did the build (node esbuild.mjs) run?`);
    workspace = await prepareWorkspace(suite.workspace, { copy: suite.copy });
    result = await runExtensionTests({
      folder: workspace.folder,
      settings: { ...defaultSettings, ...suite.settings },
      env: { ...env, ...suite.env },
      extensionsDir,
      extensionDevelopmentPath,
      extensionTestsPath: testsModule,
      timeoutMs: suite.timeoutMs ?? defaultSuiteTimeoutMs,
    });
  } catch (error) {
    result = { exitCode: 1, reason: error.message, log: [] };
  } finally {
    workspace?.dispose();
  }
  const logFile = saveLog(suite.name, result.log);
  const counts = mochaCounts(result.log.join('\n'));
  const failed = result.exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.reason) console.log(`[harness] suite ${suite.name} FAILED: ${result.reason}`);
  if (result.exitCode !== 0) console.log(`[harness] full extension host log: ${logFile}`);
  console.log(`[harness] suite ${suite.name}: exit code ${result.exitCode}, ${counts.passed} passed, ${failed} failed (${seconds} s)`);
  return { name: suite.name, exitCode: result.exitCode, passed: counts.passed, failed };
}

/** Runs the suites in order; returns the exit code for the process. */
export async function runSuites(suites, options) {
  const results = [];
  for (const suite of suites) results.push(await runSuite(suite, options));
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const bad = results.filter((r) => r.exitCode !== 0).map((r) => r.name);
  console.log(`\n[harness] ${results.length} suite(s): ${passed} tests passed, ${failed} failed${bad.length ? `; failed suites: ${bad.join(', ')}` : ''}`);
  return bad.length === 0 ? 0 : 1;
}

function saveLog(name, lines) {
  const dir = join(resultsDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.log`);
  writeFileSync(file, lines.join('\n'));
  return file;
}
