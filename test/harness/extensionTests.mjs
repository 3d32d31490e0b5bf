// Runs one mocha suite (a module exporting run()) inside code-server's extension host and
// reports its exit code. The workbench calls window.codeAutomationLog for each log line of
// the extension host and window.codeAutomationExit(code) when run() settles.
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { pageActions, requestedAction } from './pageActions.mjs';
import { startCodeServer } from './codeServer.mjs';
import { workbenchUrl } from './workbenchUrl.mjs';

/**
 * @returns {Promise<{ exitCode: number, reason?: string, log: string[] }>} exitCode is non-zero
 *   when the suite failed, timed out or never reported.
 */
export async function runExtensionTests({ folder, settings, env, extensionsDir, extensionDevelopmentPath, extensionTestsPath, timeoutMs, write = (line) => console.log(line) }) {
  const server = await startCodeServer({ folder, settings, env, extensionsDir });
  const { browser, close } = await launchBrowser().catch(async (error) => {
    await server.stop();
    throw error;
  });
  const log = [];
  try {
    const page = await browser.newPage();
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      log.push(line);
      if (!isNoise(line)) write(line.replace(/\n$/, ''));
      const action = requestedAction(line);
      if (action !== undefined) pageActions[action](page).catch((error) => write(`[harness] ${action} failed: ${error.message}`));
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ exitCode: Number(code) }));
    const timer = setTimeout(
      () => finish({ exitCode: 1, reason: `timed out after ${Math.round(timeoutMs / 1000)} s without codeAutomationExit; last log line: ${JSON.stringify(log.at(-1) ?? '(none)')}` }),
      timeoutMs,
    );
    void server.exited.then(() => finish({ exitCode: 1, reason: `code-server exited during the suite:\n${server.output()}` }));
    page.on('pageerror', (error) => write(`[page error] ${error.message}`));
    page.on('crash', () => finish({ exitCode: 1, reason: 'the browser page crashed' }));
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }));
    const result = await finished;
    clearTimeout(timer);
    return { ...result, log };
  } finally {
    await close();
    await server.stop();
  }
}

// Workbench chatter that says nothing about the suite (offline gallery look-ups, connection
// set-up). It stays in the returned log.
const noise = [/open-vsx\.org/, /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Updating additional builtin/, /^\[Service Worker\]/, /^ChatSessionStore:/];

function isNoise(line) {
  return noise.some((pattern) => pattern.test(line));
}
