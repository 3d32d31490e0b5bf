import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReportMutant } from '../../../../src/core/mutation/report/model';
import { insideText, placeMutants } from '../../../../src/core/mutation/remap/placeMutants';

function at(id: string, sl: number, sc: number, el: number, ec: number): ReportMutant {
  return {
    id, mutatorName: 'M', replacement: 'r', description: undefined, status: 'Survived', statusReason: undefined,
    range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, coveredBy: undefined, killedBy: undefined, isStatic: undefined,
  };
}

const SOURCE = ['function f(a, b) {', '  if (a >= b) {', '    return a;', '  }', '  return b;', '}'].join('\n');
const IF = at('if', 1, 6, 1, 12);
const BLOCK = at('block', 1, 14, 3, 3);
const RETURN = at('ret', 4, 9, 4, 10);

describe('placeMutants', () => {
  it('keeps ranges when the text is the report source', () => {
    const placement = placeMutants(SOURCE, SOURCE, [IF, BLOCK]);
    expect(placement).toEqual({ placed: [{ mutant: IF, range: IF.range, stale: false }, { mutant: BLOCK, range: BLOCK.range, stale: false }], outsideSource: 0 });
  });

  it('treats CRLF and LF texts as the same', () => {
    const placement = placeMutants(SOURCE.replace(/\n/g, '\r\n'), SOURCE, [BLOCK]);
    expect(placement.placed).toEqual([{ mutant: BLOCK, range: BLOCK.range, stale: false }]);
  });

  it('moves mutants below inserted lines', () => {
    const current = SOURCE.replace('function f(a, b) {', '// one\n// two\nfunction f(a, b) {');
    const placement = placeMutants(SOURCE, current, [IF, BLOCK, RETURN]);
    expect(placement.placed.map((p) => [p.mutant.id, p.range, p.stale])).toEqual([
      ['if', { start: { line: 3, character: 6 }, end: { line: 3, character: 12 } }, false],
      ['block', { start: { line: 3, character: 14 }, end: { line: 5, character: 3 } }, false],
      ['ret', { start: { line: 6, character: 9 }, end: { line: 6, character: 10 } }, false],
    ]);
  });

  it('marks a mutant stale when its own line changed, and places it on that line', () => {
    const current = SOURCE.replace('if (a >= b)', 'if (a > b + 1)');
    const placement = placeMutants(SOURCE, current, [IF, RETURN]);
    expect(placement.placed.map((p) => [p.mutant.id, p.range, p.stale])).toEqual([
      ['if', { start: { line: 1, character: 6 }, end: { line: 1, character: 18 } }, true],
      ['ret', RETURN.range, false],
    ]);
  });

  it('marks a multi-line mutant stale when a line inside it changed or was added', () => {
    const changed = placeMutants(SOURCE, SOURCE.replace('return a;', 'return a + 0;'), [BLOCK]);
    expect(changed.placed.map((p) => p.stale)).toEqual([true]);
    const added = placeMutants(SOURCE, SOURCE.replace('    return a;', '    log();\n    return a;'), [BLOCK]);
    expect(added.placed.map((p) => [p.stale, p.range])).toEqual([[true, { start: { line: 1, character: 14 }, end: { line: 1, character: 15 } }]]);
  });

  it('clamps a stale mutant to a shorter document', () => {
    const placement = placeMutants(SOURCE, 'x', [RETURN]);
    expect(placement.placed.map((p) => [p.range, p.stale])).toEqual([[{ start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, true]]);
  });

  it('leaves out mutants outside the report source and counts them', () => {
    const placement = placeMutants(SOURCE, SOURCE, [at('past-end', 9, 0, 9, 1), at('wide', 0, 0, 0, 99), at('neg', 0, -1, 0, 1), IF]);
    expect(placement.placed.map((p) => p.mutant.id)).toEqual(['if']);
    expect(placement.outsideSource).toBe(3);
  });

  it('is the identity between identical texts and stays inside the document (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'bb', 'if (x) {', '}', ''), { minLength: 1, maxLength: 20 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (source, current, a, b) => {
        const lines = source.split('\n');
        const line = a % lines.length;
        const mutant = at('m', line, 0, line, Math.min(b, (lines[line] ?? '').length));
        expect(placeMutants(source, source, [mutant]).placed[0]?.range).toEqual(mutant.range);
        const placed = placeMutants(source, current, [mutant]).placed[0];
        expect(insideText(placed!.range, current.split('\n'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
