import { describe, expect, it } from 'vitest';
import { SayOnce } from '../../../src/core/shared/sayOnce';

describe('SayOnce', () => {
  it('says a problem once per key while it stays the same, a new one at once, and a fixed one again when it returns', () => {
    const said = new SayOnce();
    expect(said.first('a', 'is empty')).toBe(true);
    expect(said.first('a', 'is empty')).toBe(false);
    expect(said.first('b', 'is empty')).toBe(true);
    expect(said.first('a', 'is not JSON')).toBe(true);
    expect(said.first('a', 'is empty')).toBe(true);
    said.forget('a');
    expect(said.first('b', 'is empty')).toBe(false);
    expect(said.first('a', 'is empty')).toBe(true);
  });
});
