import { describe, expect, it } from 'vitest';
import { hoverSections, mutantMarkdown, STALE_NOTE } from '../../../../src/core/mutation/hover/hoverMarkdown';
import { detail, range } from './fixtures';

const REF = '%5B%7B%22path%22%3A%22%2Fws%2Fsrc%2Fcart.ts%22%2C%22report%22%3A%22%2Fws%2Freports%2Fmutation%2Fmutation.json%22%2C%22id%22%3A%227%22%7D%5D';
const OPEN = `[Open diff](command:mutantLens.openMutantDiff?${REF})`;
const DISABLE = `[Disable with comment](command:mutantLens.disableMutant?${REF})`;
const NO_RERUN = { rerunArgs: undefined };
const TESTS = { t1: 'bulk > 100 items', t2: 'bulk > 10 items', t3: 'c', t4: 'd', t5: 'e', t6: 'f', t7: 'g' };

describe('mutantMarkdown', () => {
  it('describes a surviving single-line mutant', () => {
    expect(mutantMarkdown(detail({ coveredBy: ['t1', 't2'], tests: TESTS }), NO_RERUN)).toBe(
      [
        '**Survived** · EqualityOperator',
        '```diff\n-  if (quantity >= 100) return 15;\n+  if (quantity > 100) return 15;\n```',
        'Covered by 2 tests:',
        '- bulk \\> 100 items\n- bulk \\> 10 items',
        `${OPEN} · ${DISABLE}`,
      ].join('\n\n'),
    );
  });

  it('names five covering tests and counts the rest; an unknown id stands for itself', () => {
    const d = detail({ coveredBy: ['t3', 'gone', 't4', 't5', 't6', 't7', 't1'], tests: TESTS });
    expect(mutantMarkdown(d, NO_RERUN)).toContain('Covered by 7 tests:\n\n- c\n- gone\n- d\n- e\n- f\n- and 2 more\n\n');
  });

  it('says one test, no test, or nothing when the report has no per-test coverage', () => {
    expect(mutantMarkdown(detail({ coveredBy: ['t1'], tests: TESTS }), NO_RERUN)).toContain('\n\nCovered by 1 test:\n\n- bulk \\> 100 items\n\n');
    expect(mutantMarkdown(detail({ coveredBy: [], status: 'NoCoverage' }), NO_RERUN)).toBe(
      [
        '**NoCoverage** · EqualityOperator',
        '```diff\n-  if (quantity >= 100) return 15;\n+  if (quantity > 100) return 15;\n```',
        'No test covers it.',
        `${OPEN} · ${DISABLE}`,
      ].join('\n\n'),
    );
  });

  it('adds the status reason, the description, the stale note and the rerun link', () => {
    const d = detail({ status: 'Timeout', statusReason: 'Hit limit\n(5000 ms)', description: 'Swapped', stale: true });
    expect(mutantMarkdown(d, { rerunArgs: [{ path: '/ws/src/cart.ts' }] })).toBe(
      [
        '**Timeout** · EqualityOperator',
        '```diff\n-  if (quantity >= 100) return 15;\n+  if (quantity > 100) return 15;\n```',
        'Reason: Hit limit \\(5000 ms\\)',
        'Description: Swapped',
        STALE_NOTE,
        `${OPEN} · [Rerun this file](command:mutantLens.rerunFile?%5B%7B%22path%22%3A%22%2Fws%2Fsrc%2Fcart.ts%22%7D%5D) · ${DISABLE}`,
      ].join('\n\n'),
    );
  });

  it('shows a multi-line mutant whole, without diff link when there is no replacement, nor disable link for pitest', () => {
    const d = detail({ tool: 'pitest', replacement: undefined, range: range(0, 53, 3, 1), mutatorName: 'BlockStatement' });
    expect(mutantMarkdown(d, NO_RERUN)).toBe(
      [
        '**Survived** · BlockStatement',
        '```diff\n-export function bulkPercent(quantity: number): number {\n-  if (quantity >= 100) return 15;\n-  return 0;\n-}\n```',
        'The report gives no replacement text.',
      ].join('\n\n'),
    );
  });

  it('shows a whole-line pitest mutant as its description, marked whole-line, instead of a diff', () => {
    // The plugin's shape: column 1 to the line's length (its last character outside), a description, no replacement.
    const d = detail({ tool: 'pitest', replacement: undefined, range: range(1, 0, 1, 32), mutatorName: 'ConditionalsBoundaryMutator', description: 'changed conditional boundary', coveredBy: [] });
    expect(mutantMarkdown(d, NO_RERUN)).toBe(['**Survived** · ConditionalsBoundaryMutator', 'Whole line: changed conditional boundary', 'No test covers it.'].join('\n\n'));
    const stale = detail({ tool: 'pitest', replacement: undefined, range: range(1, 0, 1, 33), description: 'negated <b>conditional</b>', statusReason: 'why', stale: true });
    expect(mutantMarkdown(stale, { rerunArgs: [1] })).toBe(
      ['**Survived** · EqualityOperator', 'Whole line: negated \\<b\\>conditional\\<\\/b\\>', 'Reason: why', '_The code changed since the report was made._', '[Rerun this file](command:mutantLens.rerunFile?%5B1%5D)'].join('\n\n'),
    );
  });

  it('keeps the diff for a mutant without replacement that is not a described whole line', () => {
    const noText = '```diff\n-  if (quantity >= 100) return 15;\n```';
    const cases = [
      detail({ replacement: undefined, range: range(1, 0, 1, 31) }),
      detail({ replacement: undefined, range: range(1, 0, 1, 31), description: '' }),
      detail({ replacement: undefined, range: range(1, 1, 1, 32), description: 'd' }),
      detail({ replacement: undefined, range: range(1, 0, 1, 30), description: 'd' }),
      detail({ replacement: 'x', range: range(1, 0, 1, 32), description: 'd' }),
      detail({ replacement: undefined, range: range(0, 0, 1, 32), description: 'd' }),
    ];
    expect(cases.map((d) => mutantMarkdown(d, NO_RERUN).split('\n\n').slice(1, 3))).toEqual([
      [noText, 'The report gives no replacement text.'],
      [noText, 'The report gives no replacement text.'],
      [noText, 'The report gives no replacement text.'],
      ['```diff\n-  if (quantity >= 100) return 15;\n```', 'The report gives no replacement text.'],
      ['```diff\n-  if (quantity >= 100) return 15;\n+x;\n```', 'Description: d'],
      ['```diff\n-export function bulkPercent(quantity: number): number {\n-  if (quantity >= 100) return 15;\n```', 'The report gives no replacement text.'],
    ]);
  });

  it('shows a whole-line mutant of pitest own mutations.xml (first non-blank character to the end) as its description', () => {
    const d = detail({ tool: 'pitest', replacement: undefined, range: range(1, 2, 1, 33), description: 'negated <conditional>', mutatorName: 'NegateConditionalsMutator' });
    expect(mutantMarkdown(d, NO_RERUN)).toBe(['**Survived** · NegateConditionalsMutator', 'Whole line: negated \\<conditional\\>'].join('\n\n'));
  });

  it('takes a line whose text after the mutant is one character and trailing spaces for a whole line', () => {
    const d = detail({ tool: 'pitest', source: 'x = 1;   \n', replacement: undefined, range: range(0, 0, 0, 5), description: 'removed', coveredBy: [] });
    expect(mutantMarkdown(d, NO_RERUN)).toBe(['**Survived** · EqualityOperator', 'Whole line: removed', 'No test covers it.'].join('\n\n'));
  });

  it('renders hostile report strings literally and keeps the hover short', () => {
    const d = detail({
      mutatorName: '[x](command:mutantLens.disableMutant)',
      replacement: '```\n[x](command:evil) <img src=x onerror=alert(1)>' + 'y'.repeat(10_000),
      statusReason: '<b>bold</b> **strong** [link](command:workbench.action.terminal.new)',
      coveredBy: ['t1'],
      tests: { t1: '# heading `code` ![img](https://x/y.png)' },
    });
    const longLine = `+[x](command:evil) <img src=x onerror=alert(1)>${'y'.repeat(253)}…`;
    expect(mutantMarkdown(d, NO_RERUN)).toBe(
      [
        '**Survived** · \\[x\\]\\(command\\:mutantLens\\.disableMutant\\)',
        `\`\`\`\`diff\n-  if (quantity >= 100) return 15;\n+  if (\`\`\`\n${longLine}\n\`\`\`\``,
        'Reason: \\<b\\>bold\\<\\/b\\> \\*\\*strong\\*\\* \\[link\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)',
        'Covered by 1 test:',
        '- \\# heading \\`code\\` \\!\\[img\\]\\(https\\:\\/\\/x\\/y\\.png\\)',
        OPEN,
      ].join('\n\n'),
    );
  });

  it('clips a long status reason and test name', () => {
    const d = detail({ statusReason: 'r'.repeat(500), coveredBy: ['t'], tests: { t: 'n'.repeat(500) } });
    const text = mutantMarkdown(d, NO_RERUN);
    expect(text).toContain(`\n\nReason: ${'r'.repeat(299)}…\n\n`);
    expect(text).toContain(`\n\n- ${'n'.repeat(119)}…\n\n`);
  });
});

describe('hoverSections', () => {
  it('gives one section per mutant in the given order', () => {
    const a = detail({ id: 'a', mutatorName: 'ConditionalExpression', replacement: 'true' });
    const b = detail({ id: 'b', status: 'Killed' });
    expect(hoverSections([a, b], NO_RERUN)).toEqual([mutantMarkdown(a, NO_RERUN), mutantMarkdown(b, NO_RERUN)]);
  });

  it('lists at most eight mutants and counts the others', () => {
    const many = Array.from({ length: 10 }, (_, i) => detail({ id: String(i) }));
    const sections = hoverSections(many, NO_RERUN);
    expect(sections.length).toBe(9);
    expect(sections[7]).toBe(mutantMarkdown(many[7]!, NO_RERUN));
    expect(sections[8]).toBe('and 2 more mutants here');
    expect(hoverSections(many.slice(0, 9), NO_RERUN)[8]).toBe('and 1 more mutant here');
    expect(hoverSections(many.slice(0, 8), NO_RERUN).length).toBe(8);
  });
});
