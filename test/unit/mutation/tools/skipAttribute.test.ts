import { describe, expect, it } from 'vitest';
import { DEFAULT_DISABLE_REASON } from '../../../../src/core/mutation/hover/disableComment';
import { skipAttributeEdit } from '../../../../src/core/mutation/tools/cargoMutants/skipAttribute';

const at = (lines: readonly string[]) => (line: number) => lines[line];
const HEAD = '#[mutants::skip] // ';

describe('skipAttributeEdit', () => {
  it('inserts the attribute with a reason above the enclosing function, indented like it, the reason selected', () => {
    const lines = ['impl Cart {', '    /// Docs.', '    pub(crate) const unsafe fn price(&self) -> u32 {', '        self.a * 2', '    }', '}'];
    expect(skipAttributeEdit(at(lines), 3)).toEqual({ line: 2, text: `    ${HEAD}${DEFAULT_DISABLE_REASON}`, replacesLine: false, reasonStart: 4 + HEAD.length, reasonEnd: 4 + HEAD.length + DEFAULT_DISABLE_REASON.length });
  });

  it.each([
    ['fn a() {', 0],
    ['pub fn a() {', 0],
    ['async fn a() {', 0],
    ['pub async fn a() {', 0],
    ['extern "C" fn a() {', 0],
    ['\tpub(super) fn _a() {', 1],
    ['pub  fn a() {', 0],
    ['extern fn a() {', 0],
  ])('recognises %j as a function item', (line, indent) => {
    expect(skipAttributeEdit(at([line, 'x']), 1)?.text).toBe(`${line.slice(0, indent)}${HEAD}${DEFAULT_DISABLE_REASON}`);
  });

  it('does not take `fn` inside a line for a function item', () => {
    expect(skipAttributeEdit(at(['fn a() {', '    let s = "fn x";', '    1']), 2)?.line).toBe(0);
  });

  it('finds the function on the mutant line itself', () => {
    expect(skipAttributeEdit(at(['', 'pub fn is_free(price: i64) -> bool { price <= 0 }']), 1)?.line).toBe(1);
  });

  it('does nothing when no function encloses the line, or it is already skipped', () => {
    expect(skipAttributeEdit(at(['const A: u32 = 1 + 2;']), 0)).toBeUndefined();
    expect(skipAttributeEdit(at(['let f = 1;', 'fnord();']), 1)).toBeUndefined();
    expect(skipAttributeEdit(at(['#[mutants::skip] // slow', '/// Docs.', '#[inline]', 'fn a() {', '  1', '}']), 4)).toBeUndefined();
    expect(skipAttributeEdit(at(['#[cfg_attr(test, mutants::skip)]', 'fn a() {', '  1']), 2)).toBeUndefined();
    expect(skipAttributeEdit(at([]), 3)).toBeUndefined();
  });

  it('is not fooled by a skipped function further up', () => {
    expect(skipAttributeEdit(at(['#[mutants::skip]', 'fn a() {}', '', 'fn b() {', '  2', '}']), 4)?.line).toBe(3);
  });
});
