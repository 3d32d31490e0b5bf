import { describe, expect, it } from 'vitest';
import { describeSchemaError, withoutUniqueItems } from '../../../../src/core/mutation/report/validate';

describe('withoutUniqueItems', () => {
  it('removes uniqueItems at every depth and keeps everything else', () => {
    expect(withoutUniqueItems({ a: { uniqueItems: true, type: 'array', items: [{ uniqueItems: false, x: 1 }] }, b: null, c: 'uniqueItems' })).toEqual({
      a: { type: 'array', items: [{ x: 1 }] },
      b: null,
      c: 'uniqueItems',
    });
  });
});

describe('describeSchemaError', () => {
  it('names the place, or the report itself', () => {
    expect(describeSchemaError({ instancePath: '/files', message: 'must be object', keyword: 'type', schemaPath: '', params: {} })).toBe('/files must be object');
    expect(describeSchemaError({ instancePath: '', message: undefined, keyword: 'type', schemaPath: '', params: {} })).toBe('the report is invalid');
  });
});
