import { describe, expect, it } from 'vitest';
import { canDisableWithComment, disableCommentEdit } from '../../../../src/core/mutation/hover/disableComment';
import { detail, range } from './fixtures';

const REASON = 'TODO: explain why this mutant is acceptable';

describe('canDisableWithComment', () => {
  it('offers it for StrykerJS reports with a plain mutator name', () => {
    expect(canDisableWithComment(detail({ tool: 'stryker-js', language: 'html' }))).toBe(true);
    expect(canDisableWithComment(detail({ tool: 'stryker-js', mutatorName: 'Regex' }))).toBe(true);
  });

  it('offers it for an unknown tool only on JavaScript or TypeScript code', () => {
    for (const language of ['javascript', 'TypeScript', 'javascriptreact', 'typescriptreact', 'jsx', 'tsx']) {
      expect(canDisableWithComment(detail({ tool: 'unknown', language }))).toBe(true);
    }
    expect(canDisableWithComment(detail({ tool: 'unknown', language: 'csharp' }))).toBe(false);
  });

  it('does not offer it for tools that read no such comment', () => {
    for (const tool of ['pitest', 'stryker-net', 'stryker4s'] as const) {
      expect(canDisableWithComment(detail({ tool, language: 'typescript' }))).toBe(false);
    }
  });

  it('does not offer it when the mutator name could not be written into the comment', () => {
    for (const mutatorName of ['Equality mutation', 'A\nprocess.exit()', 'A:b', '', 'Block1']) {
      expect(canDisableWithComment(detail({ mutatorName }))).toBe(false);
    }
  });
});

describe('disableCommentEdit', () => {
  it('inserts the comment above the first line with its indentation, reason selected', () => {
    const d = detail({ currentRange: range(4, 6, 4, 21) });
    expect(disableCommentEdit(d, ' \t if (quantity >= 100) return 15;', '}')).toEqual({
      line: 4,
      text: ` \t // Stryker disable next-line EqualityOperator: ${REASON}`,
      replacesLine: false,
      reasonStart: 50,
      reasonEnd: 50 + REASON.length,
    });
  });

  it('inserts on the first line of the file without indentation', () => {
    const d = detail({ mutatorName: 'StringLiteral', currentRange: range(0, 0, 0, 3) });
    expect(disableCommentEdit(d, '"a";', undefined)).toEqual({
      line: 0,
      text: `// Stryker disable next-line StringLiteral: ${REASON}`,
      replacesLine: false,
      reasonStart: 44,
      reasonEnd: 44 + REASON.length,
    });
  });

  it('adds the mutator to a next-line comment already above, keeping its reason', () => {
    const d = detail({ currentRange: range(4, 6, 4, 21) });
    expect(disableCommentEdit(d, '  x;', '  // Stryker disable next-line ConditionalExpression: known')).toEqual({
      line: 3,
      text: '  // Stryker disable next-line ConditionalExpression,EqualityOperator: known',
      replacesLine: true,
      reasonStart: 71,
      reasonEnd: 76,
    });
    expect(disableCommentEdit(d, 'x;', '//Stryker disable next-line A, B')).toEqual({
      line: 3,
      text: `// Stryker disable next-line A,B,EqualityOperator: ${REASON}`,
      replacesLine: true,
      reasonStart: 51,
      reasonEnd: 51 + REASON.length,
    });
    expect(disableCommentEdit(d, 'x;', '// Stryker disable next-line A:why')).toMatchObject({ text: '// Stryker disable next-line A,EqualityOperator:why', reasonStart: 48 });
  });

  it('has nothing to add when the comment above names the mutator or all', () => {
    const d = detail({ currentRange: range(4, 6, 4, 21) });
    expect(disableCommentEdit(d, 'x;', '// Stryker disable next-line equalityoperator: ok')).toBe(undefined);
    expect(disableCommentEdit(d, 'x;', '  // Stryker disable next-line all')).toBe(undefined);
  });

  it('does not mistake other comments for a next-line comment', () => {
    const d = detail({ currentRange: range(4, 0, 4, 2) });
    expect(disableCommentEdit(d, 'x;', '// Stryker disable all')).toMatchObject({ line: 4, replacesLine: false });
    expect(disableCommentEdit(d, 'x;', 'a(); // Stryker disable next-line A')).toMatchObject({ line: 4, replacesLine: false });
  });
});
