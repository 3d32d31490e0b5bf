// What a person sees of a summary-only lcov (cargo llvm-cov --summary-only): the status bar
// says the file has no line records, instead of showing nothing.
import * as assert from 'node:assert/strict';
import { openWorkbench } from '../harness/workbench.mjs';
import { makeReadersWorkspace } from '../integration/readers/workspace.mjs';

const ITEM = '[id="mutant-lens.mutant-lens.mutantLens.patchCoverage"]';

describe('reports in other tools\' shapes in the workbench', function () {
  let workbench;

  before(async function () {
    workbench = await openWorkbench({ workspace: makeReadersWorkspace });
  });

  after(async function () {
    await workbench?.close();
  });

  it('says in the status bar that a summary-only lcov has no line records', async function () {
    const text = await workbench.until(() => workbench.textOf(ITEM), (t) => t.includes('lcov'), { what: 'the coverage item' });
    // The $(warning) icon is drawn by a font, not text: the item's text is the words alone.
    assert.equal(text.trim(), 'lcov has no line records');
    const label = await workbench.page.locator(`${ITEM} a`).first().getAttribute('aria-label');
    // The aria label holds the icon's name, the text and the tooltip: the file and why.
    assert.equal(
      label,
      `warning  lcov has no line records, ${workbench.folder}/rust/coverage/lcov.info has line totals but no line records (LF/LH without DA, as \`cargo llvm-cov --summary-only\` writes it), so no line can be marked; write it without --summary-only.`,
    );
    await workbench.screenshot('readers-summary-only-status');
  });
});
