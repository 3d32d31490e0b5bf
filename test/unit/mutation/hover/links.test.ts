import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLink, encodeCommandArgs, isMutantRef } from '../../../../src/core/mutation/hover/links';

describe('command links', () => {
  it('percent-encodes the JSON of the arguments', () => {
    expect(commandLink('Open diff', 'mutantLens.openMutantDiff', [{ path: '/ws/src/cart.ts' }])).toBe(
      '[Open diff](command:mutantLens.openMutantDiff?%5B%7B%22path%22%3A%22%2Fws%2Fsrc%2Fcart.ts%22%7D%5D)',
    );
  });

  it('encodes parentheses and the other characters encodeURIComponent keeps', () => {
    expect(encodeCommandArgs([{ path: '/ws/src/(shop)/x.ts', id: "a)b!*'~" }])).toBe(
      '%5B%7B%22path%22%3A%22%2Fws%2Fsrc%2F%28shop%29%2Fx.ts%22%2C%22id%22%3A%22a%29b%21%2A%27%7E%22%7D%5D',
    );
  });

  it('round-trips any arguments and leaves nothing that could end a markdown link', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (args) => {
        const encoded = encodeCommandArgs(args);
        expect(encoded).toMatch(/^[A-Za-z0-9%._-]*$/);
        expect(JSON.parse(decodeURIComponent(encoded))).toEqual(JSON.parse(JSON.stringify(args)));
      }),
    );
  });
});

describe('isMutantRef', () => {
  it('accepts exactly objects with string path, report and id', () => {
    expect(isMutantRef({ path: '/a', report: '/r', id: '1' })).toBe(true);
    expect(isMutantRef({ path: '/a', report: '/r', id: 1 })).toBe(false);
    expect(isMutantRef({ path: '/a', id: '1' })).toBe(false);
    expect(isMutantRef({ report: '/r', id: '1' })).toBe(false);
    expect(isMutantRef(null)).toBe(false);
    expect(isMutantRef('x')).toBe(false);
  });
});
