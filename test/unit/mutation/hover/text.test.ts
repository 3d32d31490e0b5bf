import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipEnd, clipStart, fencedBlock, longestBacktickRun, markdownText, oneLine } from '../../../../src/core/mutation/hover/text';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('clipEnd / clipStart', () => {
  it('keeps text that fits, exactly at the limit too', () => {
    expect(clipEnd('abcde', 5)).toBe('abcde');
    expect(clipStart('abcde', 5)).toBe('abcde');
  });

  it('cuts to the limit including the ellipsis', () => {
    expect(clipEnd('abcdef', 5)).toBe('abcd…');
    expect(clipStart('abcdef', 5)).toBe('…cdef');
  });

  it('never splits a surrogate pair', () => {
    expect(clipEnd('ab😀cd', 4)).toBe('ab…');
    expect(clipEnd('ab😀cd', 5)).toBe('ab😀…');
    expect(clipStart('ab😀cd', 4)).toBe('…cd');
    expect(clipStart('ab😀cd', 5)).toBe('…😀cd');
  });

  it('gives at most max code units and only whole code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 2, max: 40 }), (text, max) => {
        for (const clipped of [clipEnd(text, max), clipStart(text, max)]) {
          expect(clipped.length).toBeLessThanOrEqual(max);
          expect(clipped).not.toMatch(LONE_SURROGATE);
        }
      }),
    );
  });
});

describe('markdownText', () => {
  it('escapes every ASCII punctuation character and collapses whitespace', () => {
    expect(markdownText('  [x](command:evil?%5B%5D) <img src=x>\n\n# *a* `b` &amp; | ~c~ 1. _')).toBe(
      '\\[x\\]\\(command\\:evil\\?\\%5B\\%5D\\) \\<img src\\=x\\> \\# \\*a\\* \\`b\\` \\&amp\\; \\| \\~c\\~ 1\\. \\_',
    );
  });

  it('leaves letters, digits and non-ASCII alone', () => {
    expect(markdownText('größer als 😀 β')).toBe('größer als 😀 β');
  });

  it('leaves no unescaped punctuation behind', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = markdownText(text);
        expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[!-/:-@[-`{-~]/);
        expect(escaped).not.toMatch(/\s\s|^\s|\s$|\n/);
      }),
    );
  });

  it('oneLine turns line breaks and tabs into single spaces', () => {
    expect(oneLine('\ta\r\n\r\nb\t c ')).toBe('a b c');
  });
});

describe('fencedBlock', () => {
  it('uses three backticks when the body has fewer in a row', () => {
    expect(longestBacktickRun('a `b` ``c``')).toBe(2);
    expect(fencedBlock('diff', '-a ``b``')).toBe('```diff\n-a ``b``\n```');
  });

  it('uses a fence longer than any backtick run inside', () => {
    expect(longestBacktickRun('x ```` y ``` z')).toBe(4);
    expect(fencedBlock('diff', '+```\n+x ````')).toBe('`````diff\n+```\n+x ````\n`````');
  });

  it('handles a body without backticks', () => {
    expect(longestBacktickRun('abc')).toBe(0);
    expect(fencedBlock('', '')).toBe('```\n\n```');
  });
});
