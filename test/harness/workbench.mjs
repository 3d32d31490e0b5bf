// A real VS Code workbench in headless Chromium for UI tests (Playwright, outside the
// extension host): open it on a workspace with the extension loaded, then drive it the way
// a person does. Reused by every test/ui/*.ui.mjs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { defaultSettings, startCodeServer } from './codeServer.mjs';
import { repoRoot, screenshotsDir } from './paths.mjs';
import { pollUntil } from './processes.mjs';
import { workbenchUrl } from './workbenchUrl.mjs';
import { prepareWorkspace } from './workspaces.mjs';

const timeout = 30_000;

/**
 * Opens the workbench on `workspace` (as in test/integration/suites.mjs: a path relative to
 * the repo, or a function filling a temp dir; `copy` for a temp copy). The extension is
 * loaded from `extensionDevelopmentPath` (the repo, built by esbuild) unless an
 * `extensionsDir` with it installed is given instead.
 */
export async function openWorkbench({ workspace, copy = false, settings = {}, extensionsDir, extensionDevelopmentPath = extensionsDir ? undefined : repoRoot } = {}) {
  const prepared = await prepareWorkspace(workspace, { copy });
  const server = await startCodeServer({ folder: prepared.folder, settings: { ...defaultSettings, 'workbench.startupEditor': 'none', ...settings }, extensionsDir });
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(timeout);
  await page.goto(workbenchUrl(server, { folder: prepared.folder, extensionDevelopmentPath }));
  const workbench = new Workbench(page, prepared.folder, async () => {
    await close();
    await server.stop();
    prepared.dispose();
  });
  await workbench.waitFor('.monaco-workbench .part.statusbar');
  await workbench.waitFor('.monaco-workbench .explorer-folders-view .monaco-list-row');
  return workbench;
}

export class Workbench {
  constructor(page, folder, close) {
    /** The Playwright page, for anything the helpers do not cover. */
    this.page = page;
    /** Absolute path of the opened folder. */
    this.folder = folder;
    this.close = close;
  }

  /** Waits until `selector` is visible; returns its locator. */
  async waitFor(selector, { timeoutMs = timeout } = {}) {
    const locator = this.page.locator(selector).first();
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
    return locator;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(relativePath) {
    const name = relativePath.split('/').at(-1);
    await this.page.keyboard.press('Control+P');
    const input = await this.waitFor('.quick-input-widget input');
    await input.fill(relativePath);
    await this.waitFor(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
    await input.press('Enter');
    await this.waitFor(`.tabs-container .tab.active[aria-label^="${name}"]`);
    await this.waitFor('.editor-instance .view-lines .view-line');
  }

  /** Runs a command by its palette title (e.g. "Mutant Lens: Show Log"). */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = await this.waitFor('.quick-input-widget input');
    await input.fill(`>${title}`);
    await this.waitFor(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  }

  /** The text of the first element matching `selector` ('' when there is none), with the editor's non-breaking spaces as spaces. */
  async textOf(selector) {
    const text = await this.page.locator(selector).first().textContent({ timeout: 1000 }).catch(() => null);
    return (text ?? '').replace(/\u00a0/g, ' ');
  }

  /** The title of the active editor tab. */
  async activeTabTitle() {
    return (await this.page.locator('.tabs-container .tab.active .label-name').first().textContent())?.trim();
  }

  /** The text of the visible lines of the active editor, top to bottom (1st = first visible). */
  async visibleEditorLines() {
    return this.page.locator('.editor-group-container.active .view-lines').first().evaluate((element) =>
      [...element.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(line.style.top), text: line.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
  }

  /** Polls `read()` until `accept(value)` holds; returns the value. Throws with the last value at the deadline. */
  async until(read, accept, { timeoutMs = timeout, what = 'condition' } = {}) {
    let last;
    return pollUntil(
      async () => {
        last = await read();
        return accept(last) ? { value: last } : undefined;
      },
      { timeoutMs, message: () => `${what} not met; last value: ${JSON.stringify(last)}` },
    ).then((hit) => hit.value);
  }

  /** Saves a PNG of the whole page to test-results/screenshots/<name>.png; returns its path. */
  async screenshot(name) {
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
