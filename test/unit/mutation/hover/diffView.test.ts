import { describe, expect, it } from 'vitest';
import { decodeDiffQuery, diffDocumentText, diffTitle, encodeDiffQuery, findMutant } from '../../../../src/core/mutation/hover/diffView';
import { CART_SOURCE, detail, range } from './fixtures';

const REF = { path: '/ws/src/cart.ts', report: '/ws/r.json', id: '7' };

describe('diff documents', () => {
  it('gives the embedded source and the source with this mutant applied', () => {
    const d = detail();
    expect(diffDocumentText(d, 'original')).toBe(CART_SOURCE);
    expect(diffDocumentText(d, 'mutated')).toBe(CART_SOURCE.replace('quantity >= 100', 'quantity > 100'));
    expect(diffDocumentText(detail({ replacement: undefined }), 'mutated')).toBe(CART_SOURCE);
  });

  it('titles the diff with file name, mutator and status', () => {
    expect(diffTitle(detail())).toBe('cart.ts: EqualityOperator (Survived)');
    expect(diffTitle(detail({ path: 'C:\\ws\\src\\cart.ts', status: 'NoCoverage', mutatorName: 'a\nb' }))).toBe('cart.ts: a b (NoCoverage)');
    expect(diffTitle(detail({ mutatorName: 'M'.repeat(100) }))).toBe(`cart.ts: ${'M'.repeat(79)}… (Survived)`);
  });

  it('round-trips the query naming one side', () => {
    expect(decodeDiffQuery(encodeDiffQuery({ ref: REF, side: 'mutated' }))).toEqual({ ref: REF, side: 'mutated' });
    expect(decodeDiffQuery(encodeDiffQuery({ ref: REF, side: 'original' }))).toEqual({ ref: REF, side: 'original' });
  });

  it('rejects malformed queries and drops extra fields', () => {
    expect(decodeDiffQuery('{')).toBe(undefined);
    expect(decodeDiffQuery('null')).toBe(undefined);
    expect(decodeDiffQuery(JSON.stringify({ ref: REF, side: 'other' }))).toBe(undefined);
    expect(decodeDiffQuery(JSON.stringify({ ref: { path: '/a' }, side: 'original' }))).toBe(undefined);
    expect(decodeDiffQuery(JSON.stringify({ ref: { ...REF, x: 1 }, side: 'original' }))).toEqual({ ref: REF, side: 'original' });
  });

  it('finds a shown mutant by report and id', () => {
    const a = detail({ id: '7' });
    const b = detail({ id: '8', range: range(2, 2, 2, 11) });
    expect(findMutant([a, b], { ...REF, report: a.report.path, id: '8' })).toBe(b);
    expect(findMutant([a, b], { ...REF, report: '/other.json', id: '8' })).toBe(undefined);
    expect(findMutant([a, b], { ...REF, report: a.report.path, id: '9' })).toBe(undefined);
  });
});
