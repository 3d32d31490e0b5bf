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
    // Until the first loads, the base report and the files' placements are done the item says it is reading: it never shows figures that are not the change's whole ones.
    const expected = 'Δ 3/10 lines run · 15/38 mutants caught (39%) · +21 new survivors';
    const shown = new Set();
    const text = await workbench
      .until(
        async () => {
          const now = (await workbench.textOf(PATCH_ITEM)).trim();
          shown.add(now);
          return now;
        },
        (t) => t === expected,
        { what: `the change status "${expected}"`, timeoutMs: 60_000 },
      )
      .finally(() => workbench.screenshot('change-status'));
    assert.equal(text, expected);
    assert.deepEqual([...shown].filter((t) => t !== expected && t !== '' && t !== 'Δ reading the change…'), []);
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
      format: [
        'src/format.ts:28:10 | NoCoverage MethodExpression: text · new since main',
        'src/format.ts:28:10 | NoCoverage MethodExpression: text.slice(0, Math.max(0, max - 1)).trimStart() · new since main',
        'src/format.ts:28:24 | NoCoverage MethodExpression: Math.min(0, max - 1) · new since main',
        'src/format.ts:28:36 | NoCoverage ArithmeticOperator: max + 1 · new since main',
        'src/format.ts:28:58 | NoCoverage StringLiteral: "" · new since main',
      ],
      loyalty: [
        'src/loyalty.ts:3:76 | NoCoverage BlockStatement: {} · new since main',
        'src/loyalty.ts:4:29 | NoCoverage ArithmeticOperator: totalCents * 100 · new since main',
        'src/loyalty.ts:5:19 | NoCoverage ArithmeticOperator: points / 2 · new since main',
      ],
      validate: [
        'src/validate.ts:22:73 | NoCoverage BlockStatement: {}',
        'src/validate.ts:27:25 | NoCoverage BlockStatement: {}',
        'src/validate.ts:28:12 | NoCoverage Regex: /\\d{5}$/ · new since main',
        'src/validate.ts:28:12 | NoCoverage Regex: /^\\d{5}/ · new since main',
        'src/validate.ts:28:12 | NoCoverage Regex: /^\\d$/ · new since main',
        'src/validate.ts:28:12 | NoCoverage Regex: /^\\D{5}$/ · new since main',
        'src/validate.ts:30:10 | NoCoverage ConditionalExpression: true · new since main',
        'src/validate.ts:30:10 | NoCoverage ConditionalExpression: false · new since main',
        'src/validate.ts:30:10 | NoCoverage EqualityOperator: trimmed.length > 3 · new since main',
        'src/validate.ts:30:10 | NoCoverage EqualityOperator: trimmed.length < 3 · new since main',
      ],
    });
  });

  it('draws one glyph per changed line for its verdict, all four in a new file', async function () {
    // format.ts leaves the index: a new file, every line changed; its lcov and report are current.
    execFileSync('git', ['rm', '-q', '--cached', '-f', 'src/format.ts'], { cwd: workbench.folder });
    await workbench.openFile('src/format.ts');
    const drawn = await workbench.until(() => glyphs(workbench), (g) => g.length === 21, { what: 'the verdicts of every line', timeoutMs: 60_000 });
    await workbench.screenshot('change-verdicts');
    // 1-based line numbers as the editor shows them (the same as the unit test of src/core/change on this file).
    assert.deepEqual(drawn, [
      '6 checked',
      '7 not-checked',
      '8 ran',
      '9 checked',
      '10 not-checked',
      '11 checked',
      '12 checked',
      '13 ran',
      '15 checked',
      '16 not-checked',
      '17 ran',
      '19 checked',
      '20 not-checked',
      '21 not-checked',
      '22 not-checked',
      '23 checked',
      '24 ran',
      '26 checked',
      '27 not-checked',
      '28 not-run',
      '29 not-run',
    ]);
  });
});
