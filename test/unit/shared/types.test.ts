import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/core/shared/types';

describe('Result', () => {
  it('wraps values and errors', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('bad')).toEqual({ ok: false, error: 'bad' });
  });
});
