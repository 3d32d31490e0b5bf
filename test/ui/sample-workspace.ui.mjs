// The sample workspace as a person sees it: uncovered changed lines, patch coverage, a mutant hover.
import * as assert from 'node:assert/strict';
import { openWorkbench } from '../harness/workbench.mjs';

const PATCH_ITEM = '[id="mutant-lens.mutant-lens.mutantLens.patchCoverage"]';

/** Goes to a 1-based line and column of the active editor. */
async function goTo(workbench, line, column) {
  await workbench.page.keyboard.press('Control+G');
  await workbench.page.keyboard.type(`${line}:${column}`);
  await workbench.page.keyboard.press('Enter');
}

describe('the sample workspace (git history, real lcov and Stryker report)', function () {
  let workbench;

  before(async function () {
    workbench = await openWorkbench({
      workspace: async (dir) => {
        const { makeSampleWorkspace } = await import('../fixtures/make-sample-workspace.mjs');
        await makeSampleWorkspace(dir, { linkNodeModules: false });
      },
    });
  });

  after(async function () {
    await workbench?.close();
  });

  it('shows patch coverage of the change in the status bar', async function () {
    await workbench.openFile('src/validate.ts');
    // Changed code lines: cart 25, 30 and format 11 ran; format 28, validate 28, 30 and loyalty 3–6 did not.
    // The report is commit A's: every mutant on a changed line is stale (its code changed since).
    // The count converges as the files' remaps finish: wait for the whole figure (the last value is in the timeout's message).
    const expected = 'Δ 3/10 lines run · 21 mutants not yet tested since your edit';
    const text = await workbench.until(() => workbench.textOf(PATCH_ITEM), (t) => t.trim() === expected, { what: `the patch coverage item "${expected}"`, timeoutMs: 90_000 });
    assert.equal(text.trim(), expected);
    const score = await workbench.until(() => workbench.textOf('[id="mutant-lens.mutant-lens.mutantLens.score"]'), (t) => /report \d/.test(t), { what: 'the mutation score item with the whole report' });
    assert.equal(score.trim(), '40.98% · report 54.48%');
  });

  it('marks the uncovered changed lines of validate.ts with a bar at the left of the text', async function () {
    await goTo(workbench, 20, 1);
    const marked = await workbench.until(
      () =>
        workbench.page.locator('.editor-group-container.active .monaco-editor').first().evaluate((editor) => {
          const overlays = [...editor.querySelectorAll('.view-overlays > div')].filter((row) => [...row.children].some((c) => getComputedStyle(c).borderLeftWidth === '3px'));
          const top = (el) => el.getBoundingClientRect().top;
          const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
          return overlays.map((row) => Number(numbers.find((n) => Math.abs(top(n) - top(row)) < 4)?.textContent)).sort((a, b) => a - b);
        }),
      (lines) => lines.length >= 2,
      { what: 'marked lines' },
    );
    assert.deepEqual(marked, [28, 30]);
    await workbench.screenshot('coverage-validate');
  });

  it('shows the mutant diff in a hover', async function () {
    await workbench.openFile('src/cart.ts');
    const line = workbench.page.locator('.editor-group-container.active .view-line', { hasText: 'if (quantity >= 100) return 15;' }).first();
    const box = await line.locator('span', { hasText: /^quantity$/ }).first().boundingBox();
    // A hover opened before the markers exist is not refreshed: leave and come back until it shows ours.
    const hoverText = async () => {
      await workbench.page.mouse.move(10, 10);
      await workbench.page.mouse.move(box.x + 5, box.y + box.height / 2);
      await workbench.page.locator('.monaco-hover').first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
      return (await workbench.page.locator('.monaco-hover').allTextContents()).join('\n');
    };
    const hover = await workbench.until(hoverText, (t) => t.includes('Open diff'), { what: 'the mutant hover' });
    assert.match(hover, /Survived/);
    assert.match(hover, /quantity > 100/);
    await workbench.screenshot('hover-mutant');
  });
});
