// The glob matcher under any pattern: matching finishes within a bound linear in the path (steps
// counted, never timed), and a path built from a pattern always matches it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, matchGlob, maxGlobSteps } from '../../../src/core/shared/glob';
import { checkProperty } from './property';

const GLOB_TOKENS = fc.constantFrom('**', '**/', '*', '?', '{', '}', ',', '[', ']', '!', '-', '/', 'a', 'b', '.', '\\');
const PATTERN = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.oneof(GLOB_TOKENS, fc.string({ maxLength: 2 })), { maxLength: 80 }).map((parts) => parts.join('')));
const PATH = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom('a', 'b', '/', '.', 'ab/', '**', '{'), { maxLength: 200 }).map((parts) => parts.join('')));

/** A piece of a pattern and a text it matches. */
type Piece = readonly [pattern: string, text: string];
const NAME = fc.stringMatching(/^[a-z0-9._-]{0,6}$/);
const PIECE: fc.Arbitrary<Piece> = fc.oneof(
  NAME.map((name): Piece => [name, name]),
  fc.constant<Piece>(['/', '/']),
  NAME.map((name): Piece => ['*', name]),
  fc.stringMatching(/^[a-z]$/).map((char): Piece => ['?', char]),
  fc.array(NAME.filter((n) => n !== ''), { maxLength: 3 }).map((names): Piece => ['**/', names.map((n) => `${n}/`).join('')]),
  fc.array(fc.oneof(NAME, fc.constant('/')), { maxLength: 4 }).map((parts): Piece => ['**', parts.join('')]),
  fc.stringMatching(/^[c-x]$/).map((char): Piece => ['[a-z]', char]),
  fc.stringMatching(/^[0-9]$/).map((char): Piece => ['[!a-z]', char]),
  fc.tuple(fc.array(NAME, { minLength: 1, maxLength: 4 }), fc.nat()).map(([names, pick]): Piece => [`{${names.join(',')}}`, names[pick % names.length] as string]),
);

describe('glob matching under any pattern', () => {
  it('any pattern over any path finishes in a number of steps linear in the path', () => {
    checkProperty(
      'any glob over any path finishes in linear steps',
      fc.property(PATTERN, PATH, (pattern, path) => {
        const compiled = compileGlob(pattern);
        if (!('glob' in compiled)) throw new Error(`refused ${pattern}`);
        expect(matchGlob(compiled.glob, path).steps).toBeLessThanOrEqual(maxGlobSteps(pattern, path));
      }),
    );
  });

  it('a path built from a pattern always matches it', () => {
    checkProperty(
      'a path built from a glob matches it',
      // (`*` then `**/` would read as `**` then `*/`: a different pattern, left out.)
      fc.property(fc.array(PIECE, { maxLength: 12 }).filter((pieces) => !pieces.map(([p]) => p).join('').includes('***')), (pieces) => {
        const pattern = pieces.map(([p]) => p).join('');
        const path = pieces.map(([, t]) => t).join('');
        const compiled = compileGlob(pattern);
        if (!('glob' in compiled)) throw new Error(`refused ${pattern}`);
        expect([pattern, path, matchGlob(compiled.glob, path).matched]).toEqual([pattern, path, true]);
      }),
    );
  });
});
