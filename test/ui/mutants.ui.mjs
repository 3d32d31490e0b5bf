// Surviving mutants as a person sees them: gutter markers, highlights, the Problems panel.
import * as assert from 'node:assert/strict';
import { openWorkbench } from '../harness/workbench.mjs';

/** The 1-based editor lines that show one of our gutter markers, from the glyph margin's DOM. */
async function markedLines(page) {
  return page.locator('.editor-group-container.active .monaco-editor').first().evaluate((editor) => {
    const lineHeight = parseFloat(getComputedStyle(editor.querySelector('.view-line')).height);
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((n) => ({ top: n.parentElement.getBoundingClientRect().top, line: Number(n.textContent) }));
    const glyphs = [...editor.querySelectorAll('.cgmr')].filter((g) => getComputedStyle(g).backgroundImage.includes('.svg'));
    const lines = glyphs.map((g) => {
      const top = g.getBoundingClientRect().top;
      return numbers.find((n) => Math.abs(n.top - top) < lineHeight / 2)?.line;
    });
    return [...new Set(lines)].sort((a, b) => a - b);
  });
}

describe('surviving mutants in the workbench', function () {
  let workbench;

  before(async function () {
    workbench = await openWorkbench({ workspace: 'test/fixtures/sample-project', copy: true });
  });

  after(async function () {
    await workbench?.close();
  });

  it('puts one gutter marker on each line with a survivor of cart.ts', async function () {
    await workbench.openFile('src/cart.ts');
    await workbench.page.keyboard.press('Control+G');
    await workbench.page.keyboard.type('24');
    await workbench.page.keyboard.press('Enter');
    const lines = await workbench.until(() => markedLines(workbench.page), (l) => l.includes(41), { what: 'gutter markers down to line 41' });
    assert.deepEqual(lines.filter((line) => line >= 24 && line <= 41), [24, 25, 30, 33, 34, 39, 40, 41]);
    await workbench.screenshot('mutants-cart-gutter');
  });

  it('shows the mutation score of the file and of its report in the status bar', async function () {
    const text = await workbench.until(() => workbench.textOf('[id="mutant-lens.mutant-lens.mutantLens.score"]'), (t) => t.includes('%'), { what: 'the score item' });
    assert.equal(text.trim(), '63.16% · report 54.48%');
  });

  it('lists the survivors in the Problems panel', async function () {
    await workbench.runCommand('View: Focus Problems');
    const text = await workbench.until(
      () => workbench.textOf('.markers-panel'),
      (t) => t.includes('Survived: EqualityOperator "quantity >= 100" → "quantity > 100"'),
      { what: 'the first survivor in the Problems panel' },
    );
    assert.match(text, /Survived: EqualityOperator "quantity >= 100" → "quantity > 100"/);
    await workbench.screenshot('mutants-problems-panel');
  });
});
