import { describe, expect, it } from 'vitest';
import { testWritingPrompt } from '../../../../src/core/mutation/hover/testPrompt';
import { detail, range } from './fixtures';

describe('testWritingPrompt', () => {
  it('gives file, current line, mutator, original, replacement, the diff and the covering tests', () => {
    const d = detail({ coveredBy: ['t1', 'x'], tests: { t1: 'bulk\n> 100' }, currentRange: range(11, 6, 11, 21) });
    expect(testWritingPrompt(d, 'src/cart.ts')).toBe(
      [
        'Mutation testing changed this code and no test failed (status: Survived).',
        'Write a test that passes on the original code and fails on the mutated code.',
        '',
        'File: src/cart.ts',
        'Line: 12',
        'Mutator: EqualityOperator',
        'Original: quantity >= 100',
        'Replacement: quantity > 100',
        '',
        'Diff:',
        '-  if (quantity >= 100) return 15;',
        '+  if (quantity > 100) return 15;',
        '',
        'Covering tests (2):',
        '- bulk > 100',
        '- x',
        '',
      ].join('\n'),
    );
  });

  it('notes the reason, staleness, a missing replacement and missing coverage', () => {
    const d = detail({ status: 'NoCoverage', statusReason: 'no\ntests', stale: true, replacement: undefined, range: range(2, 2, 2, 11) });
    expect(testWritingPrompt(d, 'src/cart.ts')).toBe(
      [
        'Mutation testing changed this code and no test failed (status: NoCoverage).',
        'Write a test that passes on the original code and fails on the mutated code.',
        '',
        'File: src/cart.ts',
        'Line: 3',
        'Mutator: EqualityOperator',
        'Original: return 0;',
        'Replacement: (not in the report)',
        'Reason: no tests',
        'Note: the file changed since the report; the code below is as the report saw it.',
        '',
        'Diff:',
        '-  return 0;',
        '',
        'Covering tests: not in the report',
        '',
      ].join('\n'),
    );
  });

  it('says none for an empty coverage list and caps the test list at twenty', () => {
    expect(testWritingPrompt(detail({ coveredBy: [] }), 'a.ts')).toContain('\n\nCovering tests: none\n');
    const ids = Array.from({ length: 23 }, (_, i) => `t${i}`);
    const text = testWritingPrompt(detail({ coveredBy: ids }), 'a.ts');
    expect(text.endsWith(`Covering tests (23):\n${ids.slice(0, 20).map((id) => `- ${id}`).join('\n')}\n- and 3 more\n`)).toBe(true);
  });

  it('clips a huge replacement', () => {
    const text = testWritingPrompt(detail({ replacement: 'z'.repeat(10_000) }), 'a.ts');
    expect(text).toContain(`\nReplacement: ${'z'.repeat(1999)}…\n`);
    expect(text).toContain(`\n+  if (${'z'.repeat(993)}…\n`);
  });
});
