import { describe, expect, it } from 'vitest';
import { mutantMessage, quote, textInRange } from '../../../src/core/mutation/messages';
import type { LoadedReport, ReportMutant, ReportSourceFile } from '../../../src/core/mutation/report/model';
import type { ShownMutantDetail } from '../../../src/core/mutation/shown';

const LINES = ['if (a >= b) {', '  return 1;', '}'];

function shown(overrides: Partial<ReportMutant>, stale = false): ShownMutantDetail {
  const mutant: ReportMutant = {
    id: '1', mutatorName: 'EqualityOperator', replacement: 'a > b', description: undefined, status: 'Survived', statusReason: undefined,
    range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } }, coveredBy: undefined, killedBy: undefined, isStatic: undefined, ...overrides,
  };
  return { mutant, range: mutant.range, stale, live: false, file: {} as ReportSourceFile, report: {} as LoadedReport };
}

describe('textInRange', () => {
  it('takes a slice of one line', () => {
    expect(textInRange(LINES, { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } })).toBe('a >= b');
  });

  it('joins the lines of a multi-line range', () => {
    expect(textInRange(LINES, { start: { line: 0, character: 12 }, end: { line: 2, character: 1 } })).toBe('{\n  return 1;\n}');
    expect(textInRange(LINES, { start: { line: 0, character: 12 }, end: { line: 1, character: 2 } })).toBe('{\n  ');
  });

  it('gives empty text past the end', () => {
    expect(textInRange(LINES, { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } })).toBe('');
    expect(textInRange(LINES, { start: { line: 2, character: 0 }, end: { line: 4, character: 3 } })).toBe('}\n\n');
  });
});

describe('quote', () => {
  it('folds whitespace and trims', () => {
    expect(quote('  {\n    return 1;\n  }  ')).toBe('"{ return 1; }"');
  });

  it('cuts long text with an ellipsis at the limit', () => {
    expect(quote('abcdef', 6)).toBe('"abcdef"');
    expect(quote('abcdefg', 6)).toBe('"abcde…"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(59)}…"`);
  });

  it('never cuts an emoji in half', () => {
    expect(quote('abcd🔥xyz', 6)).toBe('"abcd…"');
    expect(quote('abc🔥xyz', 6)).toBe('"abc🔥…"');
  });
});

describe('mutantMessage', () => {
  it('says status, mutator, original and replacement', () => {
    expect(mutantMessage(shown({}), LINES)).toBe('Survived: EqualityOperator "a >= b" → "a > b"');
  });

  it('flattens a multi-line original', () => {
    const block = shown({ mutatorName: 'BlockStatement', replacement: '{}', range: { start: { line: 0, character: 12 }, end: { line: 2, character: 1 } } });
    expect(mutantMessage(block, LINES)).toBe('Survived: BlockStatement "{ return 1; }" → "{}"');
  });

  it('uses the description when there is no replacement (pitest)', () => {
    expect(mutantMessage(shown({ replacement: undefined, description: 'removed call to f' , status: 'NoCoverage' }), LINES)).toBe('NoCoverage: EqualityOperator "a >= b" (removed call to f)');
    expect(mutantMessage(shown({ replacement: undefined }), LINES)).toBe('Survived: EqualityOperator "a >= b"');
    expect(mutantMessage(shown({ description: 'ignored here' }), LINES)).toBe('Survived: EqualityOperator "a >= b" → "a > b"');
  });

  it('marks a stale mutant', () => {
    expect(mutantMessage(shown({}, true), LINES)).toBe('Survived: EqualityOperator "a >= b" → "a > b" (stale: the code changed since the report)');
  });
});
