// Headless Debian Chromium driven by playwright-core (never a downloaded browser).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches the browser; `close()` is also registered as a cleanup. */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: flags, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const close = onCleanup(() => browser.close());
  return { browser, close };
}
