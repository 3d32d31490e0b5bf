import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS, parseSettingsFile, stripJsonComments } from '../../../src/core/gate/settingsFile';
import { DEFAULT_COVERAGE_REPORTS, DEFAULT_MUTATION_REPORTS } from '../../../src/core/shared/settingDefaults';

describe('parseSettingsFile', () => {
  it('reads the shared settings from JSON with comments and trailing commas', () => {
    const text = `{
      // where the reports are
      "mutantLens.mutationReports": ["packages/*/reports/mutation/mutation.json", 3, ""],
      /* coverage */ "mutantLens.coverageReports": ["out/lcov.info",],
      "mutantLens.coverage.pathMappings": { "/ci/app": "\${workspaceFolder}", "x": 1, "": "y" },
      "mutantLens.diffBase": " origin/develop ",
      "mutantLens.gitPath": "/tmp/evil",
      "mutantLens.maxReportSizeMB": 100000,
    }`;
    expect(parseSettingsFile(text)).toEqual({
      ok: true,
      value: { mutationReports: ['packages/*/reports/mutation/mutation.json'], coverageReports: ['out/lcov.info'], coveragePathMappings: { '/ci/app': '${workspaceFolder}' }, diffBase: 'origin/develop' },
    });
  });

  it('keeps the defaults for missing or mistyped values', () => {
    expect(parseSettingsFile('{"mutantLens.mutationReports": "x", "mutantLens.coverage.pathMappings": [], "mutantLens.diffBase": 3}')).toEqual({ ok: true, value: DEFAULT_GATE_SETTINGS });
    expect(DEFAULT_GATE_SETTINGS).toEqual({ mutationReports: DEFAULT_MUTATION_REPORTS, coverageReports: DEFAULT_COVERAGE_REPORTS, coveragePathMappings: {}, diffBase: '' });
  });

  it('takes no path mappings from a value that is not an object', () => {
    for (const mappings of ['null', '"ab"', '["x"]', '3']) {
      expect(parseSettingsFile(`{"mutantLens.coverage.pathMappings": ${mappings}}`)).toEqual({ ok: true, value: DEFAULT_GATE_SETTINGS });
    }
  });

  it('refuses text that is not a JSON object', () => {
    expect(parseSettingsFile('[]')).toEqual({ ok: false, error: 'is not a JSON object' });
    expect(parseSettingsFile('null')).toEqual({ ok: false, error: 'is not a JSON object' });
    for (const text of ['3', '"x"', 'true']) expect(parseSettingsFile(text)).toEqual({ ok: false, error: 'is not a JSON object' });
    expect(parseSettingsFile('{')).toMatchObject({ ok: false });
    const broken = parseSettingsFile('{"a": }');
    expect(broken.ok ? '' : broken.error.startsWith('is not valid JSON (')).toBe(true);
  });
});

describe('stripJsonComments', () => {
  it('removes comments and trailing commas outside strings only', () => {
    expect(stripJsonComments('{ // c\n "a": "x,}//y/*", /* z */ "b": [1,2,],\n}')).toBe('{ \n "a": "x,}//y/*",  "b": [1,2]\n}');
  });

  it('keeps escaped quotes inside strings', () => {
    expect(stripJsonComments('{"a": "q\\"//,]"}')).toBe('{"a": "q\\"//,]"}');
  });

  it('removes a comma before a closing bracket across a comment', () => {
    expect(stripJsonComments('[1, /* last */ ]')).toBe('[1  ]');
  });

  it('ends an unterminated block comment at the end of the text', () => {
    expect(stripJsonComments('{} /* open')).toBe('{} ');
  });

  it('keeps a comma followed by a value', () => {
    expect(stripJsonComments('[1 , 2]')).toBe('[1 , 2]');
  });

  it('keeps leading whitespace before a closing bracket, and removes a comma that is the first character', () => {
    expect(stripJsonComments('  ]')).toBe('  ]');
    expect(stripJsonComments(',]')).toBe(']');
  });

  it('ends a line comment at the end of the text', () => {
    expect(stripJsonComments('{} // end')).toBe('{} ');
  });

  it('keeps an unterminated string to the end of the text', () => {
    expect(stripJsonComments('["abc')).toBe('["abc');
    expect(stripJsonComments('["a\\')).toBe('["a\\');
  });

  it('keeps a slash or a star that starts no comment', () => {
    expect(stripJsonComments('[1 / 2, 3 *4]')).toBe('[1 / 2, 3 *4]');
  });

  it('ends a block comment only at a */ after its opening /*', () => {
    expect(stripJsonComments('/*/ x */1')).toBe('1');
  });
});
