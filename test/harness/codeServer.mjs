// Starts code-server on 127.0.0.1 with a fresh user-data-dir and extensions-dir, waits
// until it answers, and stops it (the whole process group) on stop(), on a signal, or when
// this process exits.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { ensureCodeServer } from './codeServerInstall.mjs';
import { exited, pollUntil, run, stopGroup } from './processes.mjs';

export const defaultSettings = { 'security.workspace.trust.enabled': false };

/**
 * @param {object} options
 * @param {string} [options.folder] the folder the workbench opens by default
 * @param {object} [options.settings] user settings.json (default: workspace trust off)
 * @param {string} [options.extensionsDir] an existing extensions dir (default: a fresh empty one)
 * @param {number} [options.port] default: any free port
 * @param {Record<string,string>} [options.env] extra environment (the extension host inherits it)
 * @param {boolean} [options.inheritOutput] print code-server's own output (default: keep it for errors)
 */
export async function startCodeServer({ folder, settings = defaultSettings, extensionsDir, port = 0, env = {}, inheritOutput = false } = {}) {
  const entry = await ensureCodeServer();
  const home = mkdtempSync(join(tmpdir(), 'mutant-lens-cs-'));
  const userDataDir = join(home, 'user-data');
  const ownExtensionsDir = extensionsDir ?? join(home, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(ownExtensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(home, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userDataDir,
    '--extensions-dir', ownExtensionsDir,
    ...(folder ? [folder] : []),
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() also ends the extension host and its children
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, XDG_CONFIG_HOME: join(home, 'xdg-config'), XDG_DATA_HOME: join(home, 'xdg-data') },
  });
  const killOnExit = () => killGroupNow(child.pid);
  process.on('exit', killOnExit);

  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => {
      output = (output + text).slice(-20_000);
      if (inheritOutput) process.stdout.write(text);
    });
  }

  const stop = onCleanup(async () => {
    await stopGroup(child);
    process.off('exit', killOnExit);
    rmSync(home, { recursive: true, force: true });
  });

  try {
    const url = await pollUntil(
      () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it listened:\n${output}`);
        return /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      },
      { timeoutMs: 60_000, message: `code-server did not start listening:\n${output}` },
    );
    await pollUntil(() => answers(`${url}/healthz`), { timeoutMs: 30_000, message: `code-server at ${url} did not answer` });
    return {
      url,
      port: Number(new URL(url).port),
      userDataDir,
      extensionsDir: ownExtensionsDir,
      /** code-server's own output so far (the last 20 kB). */
      output: () => output,
      exited: exited(child),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function killGroupNow(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Installs a .vsix into an extensions dir with code-server's own CLI. */
export async function installExtension(vsix, extensionsDir) {
  const entry = await ensureCodeServer();
  const home = mkdtempSync(join(tmpdir(), 'mutant-lens-cs-install-'));
  try {
    await run(process.execPath, [entry, '--config', join(home, 'config.yaml'), '--user-data-dir', join(home, 'user-data'),
      '--extensions-dir', extensionsDir, '--install-extension', vsix]);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
