import * as assert from 'node:assert/strict';
import { linksLine, hoverTexts, mutantAt, openWithMutants } from './helpers';

describe('mutant hover (sample project, real StrykerJS report)', () => {
  it('shows a single-line survivor as a diff with its covering tests', async () => {
    const { uri, mutants } = await openWithMutants('sample/src/cart.ts');
    const equality = mutantAt(mutants, 'EqualityOperator', 23, 6);
    assert.deepEqual(await hoverTexts(uri, 23, 10), [
      [
        [
          '**Survived** · EqualityOperator',
          '```diff\n-  if (quantity >= 100) return 15;\n+  if (quantity > 100) return 15;\n```',
          'Covered by 3 tests:',
          '- bulkPercent gives 15\\% from 100 units\n- bulkPercent gives nothing for a single unit\n- total adds up a cart without discount',
          await linksLine(uri, equality),
        ].join('\n\n'),
      ],
    ]);
  });

  it('shows a multi-line mutant whole', async () => {
    const { uri, mutants } = await openWithMutants('sample/src/format.ts');
    const block = mutantAt(mutants, 'BlockStatement', 18, 19);
    assert.deepEqual(await hoverTexts(uri, 19, 4), [
      [
        [
          '**Survived** · BlockStatement',
          '```diff\n-  if (count === 1) {\n-    return `${count} ${noun}`;\n-  }\n+  if (count === 1) {}\n```',
          'Covered by 1 test:',
          '- pluralize mentions the noun',
          await linksLine(uri, block),
        ].join('\n\n'),
      ],
    ]);
  });

  it('lists every mutant of a line, survivors first, spliced at UTF-16 columns after an emoji', async () => {
    const { uri, mutants } = await openWithMutants('sample/src/format.ts');
    const line = "  return '🔥 ' + label.trim() + (hot ? ' – hot deal' : '');";
    const section = async (status: string, mutator: string, character: number, added: string, coverage: string) =>
      [
        `**${status}** · ${mutator}`,
        `\`\`\`diff\n-${line}\n+${added}\n\`\`\``,
        coverage,
        await linksLine(uri, mutantAt(mutants, mutator, 14, character)),
      ].join('\n\n');
    const badge = 'Covered by 1 test:\n\n- badge shows the label';
    assert.deepEqual(await hoverTexts(uri, 14, 20), [
      [
        await section('Survived', 'StringLiteral', 9, "  return \"\" + label.trim() + (hot ? ' – hot deal' : '');", badge),
        await section('Survived', 'MethodExpression', 17, "  return '🔥 ' + label + (hot ? ' – hot deal' : '');", badge),
        await section('Survived', 'StringLiteral', 39, "  return '🔥 ' + label.trim() + (hot ? \"\" : '');", badge),
        await section('NoCoverage', 'StringLiteral', 55, "  return '🔥 ' + label.trim() + (hot ? ' – hot deal' : \"Stryker was here!\");", 'No test covers it.'),
      ],
    ]);
  });

  it('gives no hover beside the mutants of a line', async () => {
    const { uri } = await openWithMutants('sample/src/cart.ts');
    assert.deepEqual(await hoverTexts(uri, 23, 2), []);
  });
});
