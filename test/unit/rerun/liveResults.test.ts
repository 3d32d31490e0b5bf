import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveKey, liveResultOf } from '../../../src/core/rerun/liveResults';

const MUTANT = { id: '1', status: 'Killed', fileName: '/p/src/clamp.ts', mutatorName: 'ConditionalExpression', replacement: 'true', location: { start: { line: 2, column: 7 }, end: { line: 2, column: 18 } } };
const line = (mutant: object, event = 'tested'): string => JSON.stringify({ event, tested: 1, total: 9, survived: 0, mutant });

describe('liveResultOf', () => {
  it('reads the mutant of a tested line: absolute file, 0-based range in the key, status', () => {
    expect([
      liveResultOf(line(MUTANT), '/p', path.posix),
      liveResultOf(line({ ...MUTANT, fileName: 'src/clamp.ts', replacement: undefined, status: 'Survived' }), '/p', path.posix),
      liveResultOf(line({ ...MUTANT, location: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }), '/p', path.posix),
    ]).toEqual([
      { file: '/p/src/clamp.ts', key: '1:6-1:17 ConditionalExpression true', status: 'Killed' },
      { file: '/p/src/clamp.ts', key: '1:6-1:17 ConditionalExpression ', status: 'Survived' },
      { file: '/p/src/clamp.ts', key: '0:0-0:0 ConditionalExpression true', status: 'Killed' },
    ]);
  });

  it('ignores other events and anything malformed', () => {
    const bad = [
      line(MUTANT, 'plan'),
      '{"event":"tested"}',
      '{"event":"tested","mutant":[]}',
      'not json',
      'null',
      line({ ...MUTANT, status: 'Dead' }),
      line({ ...MUTANT, fileName: 3 }),
      line({ ...MUTANT, mutatorName: null }),
      line({ ...MUTANT, replacement: 5 }),
      line({ ...MUTANT, location: null }),
      line({ ...MUTANT, location: { start: { line: 0, column: 1 }, end: { line: 2, column: 1 } } }),
      line({ ...MUTANT, location: { start: { line: 1, column: 0 }, end: { line: 2, column: 1 } } }),
      line({ ...MUTANT, location: { start: { line: 1, column: 1.5 }, end: { line: 2, column: 1 } } }),
      line({ ...MUTANT, location: { start: { line: 1, column: 1 }, end: { line: 2 } } }),
      line({ ...MUTANT, location: { start: { line: 3, column: 1 }, end: { line: 2, column: 1 } } }),
    ];
    expect(bad.map((text) => liveResultOf(text, '/p', path.posix))).toEqual(bad.map(() => undefined));
  });
});

describe('liveKey', () => {
  it('names the range, the mutator and the replacement', () => {
    expect(liveKey({ start: { line: 3, character: 4 }, end: { line: 5, character: 0 } }, 'BlockStatement', '{}')).toBe('3:4-5:0 BlockStatement {}');
  });
});
