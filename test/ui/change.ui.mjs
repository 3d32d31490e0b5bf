// Is my change verified? What a person sees: the verdict glyphs in the gutter (all four, with the
// setting that draws them all), the patch mutation score in the status bar, and the quick pick of
// the undetected mutants on changed lines.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openWorkbench } from '../harness/workbench.mjs';

const PATCH_ITEM = '[id="mutant-lens.mutant-lens.mutantLens.patchCoverage"]';

/** `line verdict` of every verdict glyph in the active editor's visible lines, by line number. */
function glyphs(workbench) {
  return workbench.page
    .locator('.editor-group-container.active .monaco-editor')
    .first()
    .evaluate((editor) => {
      const top = (el) => el.getBoundingClientRect().top;
      const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
      return [...editor.querySelectorAll('.margin *')]
        .map((el) => ({ el, image: getComputedStyle(el).backgroundImage }))
        .filter(({ image }) => image.includes('verdict-'))
        .map(({ el, image }) => `${Number(numbers.find((n) => Math.abs(top(n) - top(el)) < 4)?.textContent)} ${/verdict-([a-z-]+)-(dark|light|hc|hclight)\.svg/.exec(image)?.[1]}`)
        .sort((a, b) => parseInt(a) - parseInt(b));
    });
}

/** The rows of the open quick pick: label and description. */
function quickPickRows(workbench) {
  return workbench.page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
    rows
      .map((row) => ({ index: Number(row.getAttribute('data-index')), text: `${row.querySelector('.label-name')?.textContent ?? ''} | ${row.querySelector('.label-description')?.textContent ?? ''}` }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.text.replace(/\u00a0/g, ' ')),
  );
}

describe('the change: verdicts, patch mutation score, undetected mutants on changed lines', function () {
  let workbench;

  before(async function () {
    workbench = await openWorkbench({
      workspace: async (dir) => {
        const { makeChangeWorkspace } = await import('../integration/change/workspace.mjs');
        await makeChangeWorkspace(dir);
      },
      settings: { 'mutantLens.change.verdicts': ['not-run', 'not-checked', 'checked', 'ran'] },
    });
  });

  after(async function () {
    await workbench?.close();
  });

  it('shows the patch mutation score beside patch coverage, with the new survivors', async function () {
    await workbench.openFile('src/cart.ts');
    const text = await workbench.until(() => workbench.textOf(PATCH_ITEM), (t) => t.includes('new survivors'), { what: 'the change status' });
    assert.equal(text.trim(), 'Δ 3/10 lines run · 15/38 mutants caught (39%) · +21 new survivors');
  });

  it('lists exactly the undetected mutants on changed lines in a quick pick', async function () {
    await workbench.page.keyboard.press('F1');
    const input = await workbench.waitFor('.quick-input-widget input');
    await input.fill('>Mutant Lens: List Undetected Mutants on Changed Lines');
    await workbench.waitFor('.quick-input-list .monaco-list-row[aria-label^="Mutant Lens: List Undetected Mutants on Changed Lines"]');
    await input.press('Enter');
    await workbench.until(() => workbench.textOf('.quick-input-title'), (t) => t.startsWith('Undetected mutants on changed lines'), { what: 'the quick pick' });
    const rows = {};
    for (const file of ['cart', 'format', 'loyalty', 'validate']) {
      await input.fill(`src/${file}.ts:`);
      rows[file] = await workbench.until(() => quickPickRows(workbench), (r) => r.length > 0 && r.every((row) => row.startsWith(`src/${file}.ts:`)), { what: `${file} rows` });
    }
    await workbench.screenshot('change-quick-pick');
    await input.press('Escape');
    assert.deepEqual(rows, {
      cart: [
        'src/cart.ts:25:7 | Survived ConditionalExpression: false · new since main',
        'src/cart.ts:25:7 | Survived EqualityOperator: quantity > 20 · new since main',
        "src/cart.ts:30:7 | Survived ConditionalExpression: false · new since main",
        'src/cart.ts:30:26 | Survived StringLiteral: "" · new since main',
        'src/cart.ts:30:53 | NoCoverage ArithmeticOperator: amount * 2 · new since main',
      ],
      format: [],
      loyalty: [],
      validate: [],
    });
  });

  it('draws one glyph per changed line for its verdict, all four in a new file', async function () {
    // format.ts leaves the index: a new file, every line changed; its lcov and report are current.
    execFileSync('git', ['rm', '-q', '--cached', 'src/format.ts'], { cwd: workbench.folder });
    await workbench.openFile('src/format.ts');
    const drawn = await workbench.until(() => glyphs(workbench), (g) => new Set(g.map((x) => x.split(' ')[1])).size === 4, { what: 'four verdicts' });
    await workbench.screenshot('change-verdicts');
    assert.deepEqual(drawn, []);
  });
});
