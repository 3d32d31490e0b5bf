import { describe, expect, it } from 'vitest';
import { describeSchemaError, validateReport, withInlinedRefs, withoutUniqueItems } from '../../../../src/core/mutation/report/validate';
import { mutant, tinyReport } from './fixtures';

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

describe('withInlinedRefs', () => {
  it('writes out bare $refs to definitions, nested ones too, and keeps every other $ref', () => {
    const definitions = { a: { type: 'object', properties: { b: { $ref: '#/definitions/b' } } }, b: { type: 'integer' }, loop: { items: { $ref: '#/definitions/loop' } } };
    const schema = {
      definitions,
      properties: {
        bare: { $ref: '#/definitions/a' },
        beside: { $ref: '#/definitions/b', description: 'kept' },
        elsewhere: { $ref: 'other.json#/b' },
        missing: { $ref: '#/definitions/none' },
        inherited: { $ref: '#/definitions/toString' },
        recursive: { $ref: '#/definitions/loop' },
        list: [{ $ref: '#/definitions/b' }, 1, null],
        number: { $ref: 3 },
      },
    };
    expect(withInlinedRefs(schema)).toEqual({
      definitions: { a: { type: 'object', properties: { b: { type: 'integer' } } }, b: { type: 'integer' }, loop: { items: { items: { $ref: '#/definitions/loop' } } } },
      properties: {
        bare: { type: 'object', properties: { b: { type: 'integer' } } },
        beside: { $ref: '#/definitions/b', description: 'kept' },
        elsewhere: { $ref: 'other.json#/b' },
        missing: { $ref: '#/definitions/none' },
        inherited: { $ref: '#/definitions/toString' },
        recursive: { items: { $ref: '#/definitions/loop' } },
        list: [{ type: 'integer' }, 1, null],
        number: { $ref: 3 },
      },
    });
  });

  it('inlines nothing in a schema without definitions', () => {
    expect(withInlinedRefs({ $ref: '#/definitions/a' })).toEqual({ $ref: '#/definitions/a' });
    expect(withInlinedRefs(null)).toBe(null);
  });
});

describe('validateReport', () => {
  it('says where a mutant or test location breaks the schema, as ajv words it', () => {
    const badEnd = tinyReport([mutant({ location: { start: { line: 1, column: 1 }, end: { line: 0, column: 2 } } })]);
    const noStart = tinyReport([mutant({ location: { end: { line: 1, column: 2 } } })]);
    const testColumn = tinyReport([mutant()], undefined, { testFiles: { 't/a.spec.ts': { tests: [{ id: '1', name: 'a', location: { start: { line: 1, column: 1.5 } } }] } } });
    expect([validateReport(badEnd), validateReport(noStart), validateReport(testColumn)]).toEqual([
      { ok: false, error: '/files/src~1a.ts/mutants/0/location/end/line must be >= 1' },
      { ok: false, error: "/files/src~1a.ts/mutants/0/location must have required property 'start'" },
      { ok: false, error: '/testFiles/t~1a.spec.ts/tests/0/location/start/column must be integer' },
    ]);
  });

  it('finds duplicate mutants file by file: the same mutant in two files is no duplicate', () => {
    const twoFiles = { ...tinyReport([mutant()]), files: { 'a.ts': { language: 'typescript', source: '', mutants: [mutant()] }, 'b.ts': { language: 'typescript', source: '', mutants: [mutant(), mutant({ id: '2' })] } } };
    const twiceInSecond = { ...twoFiles, files: { ...twoFiles.files, 'b.ts': { language: 'typescript', source: '', mutants: [mutant({ id: '2' }), mutant(), mutant({ id: '2' })] } } };
    expect([validateReport(twoFiles), validateReport(twiceInSecond)]).toEqual([
      { ok: true, value: undefined },
      { ok: false, error: '/files/b.ts/mutants must NOT have duplicate items (mutant 2)' },
    ]);
  });

  it('forgets one file\'s mutants before the next: the same two mutants in each of two files are no duplicates', () => {
    const file = { language: 'typescript', source: '', mutants: [mutant(), mutant({ id: '2' })] };
    const alike = { ...tinyReport([mutant()]), files: { 'a.ts': file, 'b.ts': { ...file, mutants: [mutant(), mutant({ id: '2' })] } } };
    const pair = { ...tinyReport([mutant()]), files: { 'a.ts': { ...file, mutants: [mutant({ id: '7' })] }, 'b.ts': { ...file, mutants: [mutant({ id: '7' }), mutant({ id: '7' })] } } };
    expect([validateReport(alike), validateReport(pair)]).toEqual([
      { ok: true, value: undefined },
      { ok: false, error: '/files/b.ts/mutants must NOT have duplicate items (mutant 7)' },
    ]);
  });

  it('finds two identical mutants that follow a different one with their id (the schema refuses them too)', () => {
    const other = mutant({ id: '2', mutatorName: 'StringLiteral' });
    const same = mutant({ id: '2' });
    const report = tinyReport([other, same, { ...same }]);
    const allDifferent = tinyReport([other, same, mutant({ id: '2', mutatorName: 'BooleanLiteral' })]);
    expect([validateReport(report), validateReport(allDifferent)]).toEqual([
      { ok: false, error: '/files/src~1a.ts/mutants must NOT have duplicate items (mutant 2)' },
      { ok: true, value: undefined },
    ]);
  });
});
