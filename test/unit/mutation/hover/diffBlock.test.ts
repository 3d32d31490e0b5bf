import { describe, expect, it } from 'vitest';
import { diffBlock, diffLines, HOVER_DIFF_LIMITS } from '../../../../src/core/mutation/hover/diffBlock';
import { CART_SOURCE, range } from './fixtures';

const NO_LIMITS = { context: 1e9, lineLength: 1e9, lines: 1e9 };

describe('diffBlock', () => {
  it('shows the original line and the same line with the replacement spliced in', () => {
    expect(diffBlock(CART_SOURCE, range(1, 6, 1, 21), 'quantity > 100')).toBe(
      '```diff\n-  if (quantity >= 100) return 15;\n+  if (quantity > 100) return 15;\n```',
    );
  });

  it('splices at UTF-16 columns when an emoji precedes the mutant', () => {
    const source = 'log("🎉🎉", a && b);';
    expect(diffBlock(source, range(0, 12, 0, 18), 'a || b')).toBe(
      '```diff\n-log("🎉🎉", a && b);\n+log("🎉🎉", a || b);\n```',
    );
  });

  it('shows a multi-line mutant whole and its replacement', () => {
    const source = 'function f() {\n  a();\n  b();\n}\n';
    expect(diffBlock(source, range(0, 13, 3, 1), '{}')).toBe(
      '```diff\n-function f() {\n-  a();\n-  b();\n-}\n+function f() {}\n```',
    );
  });

  it('shows a multi-line replacement whole', () => {
    expect(diffBlock('  x = 1;', range(0, 6, 0, 7), '(\n    2\n  )')).toBe(
      '```diff\n-  x = 1;\n+  x = (\n+    2\n+  );\n```',
    );
  });

  it('gives only the original lines without a replacement', () => {
    expect(diffBlock(CART_SOURCE, range(2, 2, 2, 11), undefined)).toBe('```diff\n-  return 0;\n```');
  });

  it('uses a longer fence than any backtick run in the code or the replacement', () => {
    expect(diffBlock('s = `a`;', range(0, 4, 0, 7), '````\n```')).toBe(
      '`````diff\n-s = `a`;\n+s = ````\n+```;\n`````',
    );
  });
});

describe('diffLines limits', () => {
  it('clips long context before and after the mutant, keeping the change', () => {
    const source = `${'a'.repeat(100)}X${'b'.repeat(100)}`;
    expect(diffLines(source, range(0, 100, 0, 101), 'Y', { context: 5, lineLength: 100, lines: 5 })).toBe(
      '-…aaaaXbbbb…\n+…aaaaYbbbb…',
    );
  });

  it('clips each line to the line length', () => {
    expect(diffLines('ab', range(0, 1, 0, 2), 'x'.repeat(10_000), HOVER_DIFF_LIMITS)).toBe(
      `-ab\n+a${'x'.repeat(298)}…`,
    );
  });

  it('keeps the first lines of each side and counts the rest', () => {
    const source = 'a\nb\nc\nd';
    expect(diffLines(source, range(0, 0, 3, 1), '1\n2', { context: 9, lineLength: 9, lines: 2 })).toBe(
      '-a\n-b\n … 2 more lines\n+1\n+2',
    );
    expect(diffLines(source, range(0, 0, 2, 1), '', { context: 9, lineLength: 9, lines: 2 })).toBe(
      '-a\n-b\n … 1 more line\n+',
    );
  });

  it('shows everything with no limits', () => {
    expect(diffLines('  f(1, 2);', range(0, 4, 0, 8), '', NO_LIMITS)).toBe('-  f(1, 2);\n+  f();');
  });
});
