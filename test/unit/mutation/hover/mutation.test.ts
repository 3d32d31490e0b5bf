import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutant, lineStarts, mutantLines, offsetAt, splitLines } from '../../../../src/core/mutation/hover/mutation';
import { range } from './fixtures';

describe('lineStarts / offsetAt', () => {
  it('counts \\n, \\r\\n and a lone \\r as line breaks', () => {
    expect(lineStarts('a\nbc\r\nd\re')).toEqual([0, 2, 6, 8]);
    expect(lineStarts('')).toEqual([0]);
    expect(lineStarts('x\n')).toEqual([0, 2]);
  });

  it('finds the offset of a position', () => {
    const text = 'a\nbc\r\nd\re';
    const starts = lineStarts(text);
    expect(offsetAt(text, starts, { line: 1, character: 1 })).toBe(3);
    expect(offsetAt(text, starts, { line: 3, character: 1 })).toBe(9);
  });

  it('clamps columns to the line (before its \\r\\n) and lines to the text', () => {
    const text = 'a\nbc\r\nd';
    const starts = lineStarts(text);
    expect(offsetAt(text, starts, { line: 1, character: 9 })).toBe(4);
    expect(offsetAt(text, starts, { line: 0, character: 5 })).toBe(1);
    expect(offsetAt(text, starts, { line: 7, character: 9 })).toBe(7);
    expect(offsetAt(text, starts, { line: -1, character: -3 })).toBe(0);
  });
});

describe('applyMutant', () => {
  it('replaces exactly the range, columns in UTF-16 code units (an emoji counts two)', () => {
    const source = 'const s = "😀" + a >= b;\n';
    expect(applyMutant(source, range(0, 17, 0, 23), 'a > b')).toBe('const s = "😀" + a > b;\n');
  });

  it('replaces a range spanning lines with a multi-line replacement', () => {
    expect(applyMutant('f() {\n  x();\n}\nnext', range(0, 4, 2, 1), '{\n}')).toBe('f() {\n}\nnext');
  });

  it('does not swallow text when a corrupt range ends before it starts', () => {
    expect(applyMutant('abcdef', range(0, 4, 0, 2), 'X')).toBe('abcdXef');
  });
});

describe('mutantLines', () => {
  it('gives the text before, inside and after the mutant on its lines', () => {
    expect(mutantLines('one\n  if (a >= b) {\n  }\nlast', range(1, 6, 1, 12))).toEqual({
      before: '  if (',
      original: 'a >= b',
      after: ') {',
    });
  });

  it('spans every line of a multi-line mutant, stopping before \\r\\n', () => {
    expect(mutantLines('x\r\nf() {\r\n  y();\r\n} // end\r\nz', range(1, 4, 3, 1))).toEqual({
      before: 'f() ',
      original: '{\r\n  y();\r\n}',
      after: ' // end',
    });
  });

  it('reassembles the affected lines of the original and of the mutated text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '😀', '\n', '\r\n') }), { minLength: 1, maxLength: 4 }),
        fc.nat(30),
        fc.nat(30),
        fc.string(),
        (parts, from, length, replacement) => {
          const source = parts.join('');
          const start = Math.min(from, source.length);
          const end = Math.min(start + length, source.length);
          const starts = lineStarts(source);
          const lineOf = (offset: number) => starts.filter((s) => s <= offset).length - 1;
          const r = range(lineOf(start), start - (starts[lineOf(start)] ?? 0), lineOf(end), end - (starts[lineOf(end)] ?? 0));
          fc.pre(offsetAt(source, starts, r.start) === start && offsetAt(source, starts, r.end) === end);
          const { before, original, after } = mutantLines(source, r);
          expect(original).toBe(source.slice(start, end));
          expect(source.includes(before + original + after)).toBe(true);
          expect(applyMutant(source, r, replacement).includes(before + replacement + after)).toBe(true);
          expect(splitLines(before).length).toBe(1);
          expect(splitLines(after).length).toBe(1);
        },
      ),
    );
  });
});
