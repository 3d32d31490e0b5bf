// The extension in a real workbench, seen the way a person sees it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openWorkbench } from '../harness/workbench.mjs';

const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

describe('workbench with Mutant Lens loaded', function () {
  let workbench;

  before(async function () {
    workbench = await openWorkbench({ workspace: 'test/ui/fixtures/basic' });
  });

  after(async function () {
    await workbench?.close();
  });

  it('opens a file through Quick Open and shows its text', async function () {
    await workbench.openFile('src/greet.ts');
    assert.equal(await workbench.activeTabTitle(), 'greet.ts');
    const lines = await workbench.until(() => workbench.visibleEditorLines(), (l) => l.length >= 3, { what: 'editor lines' });
    assert.deepEqual(lines.slice(0, 3), ['export function greet(name: string): string {', '  return `Hello, ${name}!`;', '}']);
    await workbench.screenshot('workbench-greet');
  });

  it('runs "Mutant Lens: Show Log" and shows the activation line in the Output panel', async function () {
    await workbench.runCommand('Mutant Lens: Show Log');
    const output = await workbench.until(
      () => workbench.textOf('.part.panel .view-lines'),
      (text) => /Mutant Lens \d+\.\d+\.\d+ activated/.test(text),
      { what: 'activation line in the Output panel' },
    );
    // The whole line: a timestamp, the info level, this package's version.
    const lines = await workbench.page.locator('.part.panel .view-lines .view-line').evaluateAll((all) => all.map((l) => l.textContent.replace(/\u00a0/g, ' ')));
    const line = lines.find((text) => text.includes(' activated'));
    assert.match(line ?? output, new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[info\\] Mutant Lens ${VERSION.replace(/\./g, '\\.')} activated$`));
    await workbench.screenshot('workbench-show-log');
  });
});
