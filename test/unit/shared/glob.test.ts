import { describe, expect, it } from 'vitest';
import { compileGlob, matchesAnyGlob, matchGlob, maxGlobSteps, MAX_GLOB_LENGTH, refusedGlobs } from '../../../src/core/shared/glob';
import { DEFAULT_COVERAGE_REPORTS, DEFAULT_MUTATION_REPORTS } from '../../../src/core/shared/settingDefaults';

const matches = (glob: string, path: string): boolean => matchesAnyGlob(path, [glob]);

describe('glob matching', () => {
  it('matches ** across folders, including none', () => {
    const glob = '**/reports/mutation/mutation.json';
    expect(['reports/mutation/mutation.json', 'packages/a/reports/mutation/mutation.json', 'packages/a/reports/mutation/mutation.jsonx', 'xreports/mutation/mutation.json'].map((p) => matches(glob, p))).toEqual([true, true, false, false]);
  });

  it('keeps * and ? inside one name', () => {
    expect(matches('**/StrykerOutput/*/reports/mutation-report.json', 'StrykerOutput/2024/reports/mutation-report.json')).toBe(true);
    expect(matches('**/StrykerOutput/*/reports/mutation-report.json', 'StrykerOutput/a/b/reports/mutation-report.json')).toBe(false);
    expect([matches('a?c', 'abc'), matches('a?c', 'a/c'), matches('a*c', 'ac'), matches('a*c', 'a/c')]).toEqual([true, false, true, false]);
  });

  it('supports choices, classes, ranges and a trailing **', () => {
    expect(matches('*.{json,html}', 'x.html')).toBe(true);
    expect(matches('*.{json,html}', 'x.txt')).toBe(false);
    expect(matches('{a,{b,c}d}.ts', 'cd.ts')).toBe(true);
    expect(matches('{a,{b,c}d}.ts', 'c.ts')).toBe(false);
    expect(matches('[ab].ts', 'b.ts')).toBe(true);
    expect(matches('[!ab].ts', 'b.ts')).toBe(false);
    expect(matches('[!ab].ts', 'c.ts')).toBe(true);
    expect(matches('[!ab]', '/')).toBe(false);
    expect([matches('[a-c]x', 'bx'), matches('[a-c]x', 'dx'), matches('[c-a]x', 'bx'), matches('[a-]x', '-x')]).toEqual([true, false, false, true]);
    expect(matches('target/**', 'target/x/y')).toBe(true);
    expect(matches('a**b', 'a/x/b')).toBe(true);
    expect(matches('{a,b', 'b')).toBe(true);
    expect(matches('a[b', 'a[b')).toBe(true);
    expect(matches('a,b}', 'a,b}')).toBe(true);
    expect(matches('', '')).toBe(true);
    expect(matches('', 'a')).toBe(false);
  });

  it('treats regex characters literally', () => {
    expect(matches('a.b+(c)|$^', 'a.b+(c)|$^')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
  });

  it('collapses repeated **: ten **/ in a row match like one, in few steps', () => {
    const glob = `${'**/'.repeat(10)}reports/mutation/mutation.json`;
    const compiled = compileGlob(glob);
    if (!('glob' in compiled)) throw new Error('refused');
    const once = compileGlob('**/reports/mutation/mutation.json');
    if (!('glob' in once)) throw new Error('refused');
    const miss = `${'a/'.repeat(50)}reports/mutation/mutation.jso`;
    expect([compiled.glob.states.length, matchGlob(compiled.glob, miss)]).toEqual([once.glob.states.length, matchGlob(once.glob, miss)]);
    expect(matches(glob, 'a/b/reports/mutation/mutation.json')).toBe(true);
    expect(matches('**/**', 'a/b')).toBe(true);
  });

  it('takes a number of steps linear in the path where a backtracking RegExp explodes', () => {
    const glob = '*a*a*a*a*a*a*a*a*a*a*a*b';
    const path = 'a'.repeat(5000);
    const compiled = compileGlob(glob);
    if (!('glob' in compiled)) throw new Error('refused');
    const result = matchGlob(compiled.glob, path);
    expect(result.matched).toBe(false);
    expect(result.steps).toBeLessThanOrEqual(maxGlobSteps(glob, path));
  });

  it(`refuses a pattern longer than ${MAX_GLOB_LENGTH} characters, which then matches nothing`, () => {
    const long = 'a'.repeat(MAX_GLOB_LENGTH + 1);
    expect(compileGlob(long)).toEqual({ refused: 'is longer than 1000 characters' });
    expect('glob' in compileGlob('a'.repeat(MAX_GLOB_LENGTH))).toBe(true);
    expect(matches(long, long)).toBe(false);
    expect(refusedGlobs(['**/x', long])).toEqual([{ glob: long, reason: 'is longer than 1000 characters' }]);
  });

  it('normalises backslashes and tries every glob', () => {
    expect(matchesAnyGlob('a\\reports\\stryker-incremental.json', ['x', '**/reports/stryker-incremental.json'])).toBe(true);
    expect(matchesAnyGlob('a/b.json', [])).toBe(false);
  });
});

describe('the default report globs', () => {
  // src/shared/config.ts skips the refusal check for the defaults (activation compiles no glob).
  it('are never refused', () => {
    expect(refusedGlobs([...DEFAULT_MUTATION_REPORTS, ...DEFAULT_COVERAGE_REPORTS])).toEqual([]);
  });
});
