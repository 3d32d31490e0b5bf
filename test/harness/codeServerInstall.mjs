// Installs code-server (the VS Code server and web workbench, from npm) once into
// .cache/code-server and reuses it. Offline: the ripgrep binary its postinstall would
// download comes from Debian's /usr/bin/rg through the downloader's own cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from './paths.mjs';
import { pollUntil, run } from './processes.mjs';

export const codeServerVersion = '4.100.3';
const installDir = join(cacheDir, 'code-server');
const marker = join(installDir, '.installed');
const lockDir = join(cacheDir, 'code-server.lock');
// What @vscode/ripgrep 1.15.11 (used by code-server 4.100.3) looks for before downloading.
const ripgrepCache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

export const codeServerBin = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Returns the path of code-server's entry script, installing it first when missing. */
export async function ensureCodeServer() {
  if (isInstalled()) return codeServerBin;
  mkdirSync(cacheDir, { recursive: true });
  if (!takeLock()) {
    console.log('[harness] another run is installing code-server; waiting for it...');
    await pollUntil(() => isInstalled() || (!lockHolderAlive() && takeLock()), {
      timeoutMs: 10 * 60_000,
      intervalMs: 1000,
      message: `code-server install by another process did not finish (lock ${lockDir})`,
    });
    if (isInstalled()) return codeServerBin;
  }
  try {
    await install();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
  return codeServerBin;
}

function isInstalled() {
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === codeServerVersion && existsSync(codeServerBin);
}

function takeLock() {
  try {
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
}

function lockHolderAlive() {
  try {
    process.kill(Number(readFileSync(join(lockDir, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    rmSync(lockDir, { recursive: true, force: true }); // holder died: the lock is stale
    return false;
  }
}

async function install() {
  requireDebianPackages();
  prepareRipgrepCache();
  const staging = `${installDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // npm 11 runs a dependency's install scripts only when allowScripts approves them.
  // code-server's postinstall builds VS Code's native modules; argon2 (loaded at start)
  // builds from source when its prebuilt binary cannot be downloaded.
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify({ private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2),
  );
  console.log(`[harness] installing code-server@${codeServerVersion} into ${installDir} (about a minute, once)...`);
  const started = Date.now();
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${codeServerVersion}`], {
    cwd: staging,
    // build_from_source: native modules (argon2, kerberos) compile here instead of trying to download prebuilt binaries.
    // loglevel: npm run --silent (npm test) would otherwise hide the install's errors.
    env: { ...process.env, npm_config_loglevel: 'notice', npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_build_from_source: 'true' },
  });
  writeFileSync(join(staging, '.installed'), codeServerVersion);
  rmSync(installDir, { recursive: true, force: true });
  renameSync(staging, installDir);
  console.log(`[harness] code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

function prepareRipgrepCache() {
  if (existsSync(ripgrepCache)) return;
  const folder = join(tmpdir(), `rg-pack-${process.pid}`);
  mkdirSync(join(ripgrepCache, '..'), { recursive: true });
  mkdirSync(folder, { recursive: true });
  execFileSync('cp', ['/usr/bin/rg', join(folder, 'rg')]);
  execFileSync('tar', ['-czf', ripgrepCache, '-C', folder, 'rg']);
  rmSync(folder, { recursive: true, force: true });
}

function requireDebianPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length > 0) {
    throw new Error(`code-server needs Debian packages that are missing: apt-get install ${missing.join(' ')}`);
  }
}
