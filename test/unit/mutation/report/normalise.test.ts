import { describe, expect, it } from 'vitest';
import { describeNormalised, normaliseNumbers } from '../../../../src/core/mutation/report/normalise';
import { parseReportText } from '../../../../src/core/mutation/report/parse';
import { mutant, tinyReport } from './fixtures';

describe('normaliseNumbers', () => {
  it('turns numeric mutant ids and a numeric schemaVersion into strings and counts them', () => {
    const data = { ...tinyReport([mutant({ id: 0 }), mutant({ id: '7' }), mutant({ id: 12 })]), schemaVersion: 1 };
    expect(normaliseNumbers(data)).toEqual({ mutantIds: 2, schemaVersion: 1 });
    expect([data.schemaVersion, ((data as Record<string, unknown>).files as Record<string, { mutants: { id: unknown }[] }>)['src/a.ts']?.mutants.map((m) => m.id)]).toEqual(['1', ['0', '7', '12']]);
  });

  it('leaves strings and other types alone and never throws on odd shapes', () => {
    const data = { schemaVersion: '2', files: { a: { mutants: [null, 3, { id: true }, { id: '4' }] }, b: null, c: { mutants: 'x' } } };
    const copy = JSON.parse(JSON.stringify(data)) as unknown;
    expect(normaliseNumbers(data)).toEqual({ mutantIds: 0, schemaVersion: undefined });
    expect(data).toEqual(copy);
    for (const odd of [null, 3, [], { files: null }, { files: 5 }]) expect(normaliseNumbers(odd)).toEqual({ mutantIds: 0, schemaVersion: undefined });
  });
});

describe('describeNormalised', () => {
  it('says in one sentence what was read as strings', () => {
    expect([
      describeNormalised({ mutantIds: 0, schemaVersion: undefined }),
      describeNormalised({ mutantIds: 1, schemaVersion: undefined }),
      describeNormalised({ mutantIds: 18, schemaVersion: 2 }),
      describeNormalised({ mutantIds: 0, schemaVersion: 1 }),
    ]).toEqual([
      undefined,
      'read 1 numeric mutant id as strings (the schema asks for strings; the official report viewer shows such reports)',
      'read 18 numeric mutant ids and the numeric schemaVersion 2 as strings (the schema asks for strings; the official report viewer shows such reports)',
      'read the numeric schemaVersion 1 as strings (the schema asks for strings; the official report viewer shows such reports)',
    ]);
  });
});

describe('parseReportText with numbers where the schema asks for strings', () => {
  it('accepts the report with string ids and schemaVersion, and says so once', () => {
    const notes: string[] = [];
    const result = parseReportText(JSON.stringify({ ...tinyReport([mutant({ id: 3 })]), schemaVersion: 1 }), 'json', (note) => notes.push(note));
    expect(result.ok && [result.value.schemaVersion, result.value.files['src/a.ts']?.mutants[0]?.id]).toEqual(['1', '3']);
    expect(notes).toEqual(['read 1 numeric mutant id and the numeric schemaVersion 1 as strings (the schema asks for strings; the official report viewer shows such reports)']);
  });

  it('says nothing for a report that follows the schema, and nothing for one that is refused', () => {
    const notes: string[] = [];
    expect(parseReportText(JSON.stringify(tinyReport([mutant()])), 'json', (note) => notes.push(note)).ok).toBe(true);
    expect(parseReportText(JSON.stringify({ schemaVersion: 1, files: {} }), 'json', (note) => notes.push(note))).toEqual({
      ok: false,
      error: { kind: 'schema', message: "is not a valid mutation report: the report must have required property 'thresholds'" },
    });
    expect(notes).toEqual([]);
  });
});
