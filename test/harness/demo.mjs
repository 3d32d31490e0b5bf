// npm run demo [-- --dev]
// Starts code-server on 127.0.0.1 (port: $PORT, or any free one) with Mutant Lens installed
// from a freshly packaged .vsix (--dev: the esbuild build, as an extension development
// host) and a sample workspace open; prints the URL and runs until Ctrl-C.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interrupted, onCleanup, runCleanups } from './cleanup.mjs';
import { defaultSettings, installExtension, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';
import { run } from './processes.mjs';
import { workbenchUrl } from './workbenchUrl.mjs';

const dev = process.argv.includes('--dev');

try {
  const folder = await sampleWorkspace();
  let extensionsDir;
  if (dev) {
    await run('node', ['esbuild.mjs']);
  } else {
    await run('npm', ['run', 'package']);
    extensionsDir = tempDir('mutant-lens-demo-ext-');
    await installExtension(join(repoRoot, 'dist', 'mutant-lens.vsix'), extensionsDir);
  }
  const settings = { ...defaultSettings, 'workbench.startupEditor': 'none' };
  const server = await startCodeServer({ folder, settings, extensionsDir, port: Number(process.env.PORT ?? 0) });
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath: dev ? repoRoot : undefined });
  console.log(`\nMutant Lens demo (${dev ? 'development build' : 'installed .vsix'}), workspace ${folder}`);
  console.log(`Open: ${url}`);
  console.log('Ctrl-C stops code-server and removes the temporary workspace.\n');
  await server.exited;
  if (!interrupted()) {
    console.error(`[demo] code-server exited:\n${server.output()}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`[demo] ${error.message}${dev ? '' : '\n(npm run demo -- --dev skips packaging)'}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}

/** A throw-away copy of the sample project with git history and uncommitted changes. */
async function sampleWorkspace() {
  const dir = tempDir('mutant-lens-demo-ws-');
  const { makeSampleWorkspace } = await import('../fixtures/make-sample-workspace.mjs');
  await makeSampleWorkspace(dir);
  return dir;
}

function tempDir(prefix) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
