import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesAnyGlob } from '../../../src/core/shared/glob';

describe('globToRegExp', () => {
  it('matches ** across folders, including none', () => {
    const re = globToRegExp('**/reports/mutation/mutation.json');
    expect(re.test('reports/mutation/mutation.json')).toBe(true);
    expect(re.test('packages/a/reports/mutation/mutation.json')).toBe(true);
    expect(re.test('packages/a/reports/mutation/mutation.jsonx')).toBe(false);
    expect(re.test('xreports/mutation/mutation.json')).toBe(false);
  });

  it('keeps * and ? inside one name', () => {
    expect(globToRegExp('**/StrykerOutput/*/reports/mutation-report.json').test('StrykerOutput/2024/reports/mutation-report.json')).toBe(true);
    expect(globToRegExp('**/StrykerOutput/*/reports/mutation-report.json').test('StrykerOutput/a/b/reports/mutation-report.json')).toBe(false);
    expect(globToRegExp('a?c').test('abc')).toBe(true);
    expect(globToRegExp('a?c').test('a/c')).toBe(false);
  });

  it('supports choices, classes and a trailing **', () => {
    expect(globToRegExp('*.{json,html}').test('x.html')).toBe(true);
    expect(globToRegExp('*.{json,html}').test('x.txt')).toBe(false);
    expect(globToRegExp('[ab].ts').test('b.ts')).toBe(true);
    expect(globToRegExp('[!ab].ts').test('b.ts')).toBe(false);
    expect(globToRegExp('[!ab].ts').test('c.ts')).toBe(true);
    expect(globToRegExp('target/**').test('target/x/y')).toBe(true);
    expect(globToRegExp('{a,b').test('b')).toBe(true);
    expect(globToRegExp('a[b').test('a[b')).toBe(true);
  });

  it('escapes regex characters', () => {
    expect(globToRegExp('a.b+(c)|$^').test('a.b+(c)|$^')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
});

describe('matchesAnyGlob', () => {
  it('normalises backslashes and tries every glob', () => {
    expect(matchesAnyGlob('a\\reports\\stryker-incremental.json', ['x', '**/reports/stryker-incremental.json'])).toBe(true);
    expect(matchesAnyGlob('a/b.json', [])).toBe(false);
  });
});
