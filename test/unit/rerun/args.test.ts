import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredReporters, configuredTempDir, customCommand, relativeMutatePath, rerunReporters, strykerArgs } from '../../../src/core/rerun/args';

const plan = {
  strykerBin: '/p/node_modules/@stryker-mutator/core/bin/stryker.js',
  mutatePath: 'src/a.ts',
  ranges: undefined,
  seedReport: '/tmp/x/seed.json',
  pluginPath: '/ext/dist/stryker-progress-reporter.js',
  projectReporters: ['json', 'clear-text', 'html'],
  tempDirName: '.stryker-tmp',
};

describe('strykerArgs', () => {
  it('runs one file incrementally, seeded, with our plugin and reporter', () => {
    expect(strykerArgs(plan)).toEqual([
      '/p/node_modules/@stryker-mutator/core/bin/stryker.js',
      'run',
      '--incremental',
      '--incrementalFile',
      '/tmp/x/seed.json',
      '--mutate',
      'src/a.ts',
      '--appendPlugins',
      '/ext/dist/stryker-progress-reporter.js',
      '--reporters',
      'clear-text,html,mutant-lens-progress',
    ]);
  });
  it('passes one --mutate per range and no seed when there is no report', () => {
    const args = strykerArgs({ ...plan, seedReport: undefined, ranges: [{ from: 2, to: 4 }, { from: 9, to: 9 }] });
    expect(args.slice(1, 7)).toEqual(['run', '--incremental', '--mutate', 'src/a.ts:2-4', '--mutate', 'src/a.ts:9-9']);
  });
});

describe('rerunReporters', () => {
  it('leaves out json, dashboard and repeats; ends with ours', () => {
    expect(rerunReporters(['json', 'progress', 'dashboard', 'progress', 'mutant-lens-progress'])).toEqual(['progress', 'mutant-lens-progress']);
    expect(rerunReporters([])).toEqual(['mutant-lens-progress']);
  });
});

describe('configuredReporters', () => {
  it('reads a JSON config', () => {
    expect(configuredReporters('/p/stryker.config.json', '{"reporters":["json","html"]}')).toEqual(['json', 'html']);
  });
  it('falls back to Stryker defaults for JS configs, missing or odd lists and broken JSON', () => {
    const defaults = ['clear-text', 'progress', 'html'];
    expect(configuredReporters('/p/stryker.config.mjs', '{"reporters":["json"]}')).toEqual(defaults);
    expect(configuredReporters(undefined, undefined)).toEqual(defaults);
    expect(configuredReporters('/p/s.json', '{}')).toEqual(defaults);
    expect(configuredReporters('/p/s.json', '{"reporters":[1]}')).toEqual(defaults);
    expect(configuredReporters('/p/s.json', '{"reporters":["json",1]}')).toEqual(defaults);
    expect(configuredReporters('/p/s.json', '{oops')).toEqual(defaults);
  });
});

describe('configuredTempDir', () => {
  it('reads tempDirName from a JSON config, else Stryker\'s default', () => {
    expect([
      configuredTempDir('/p/stryker.config.json', '{"tempDirName":"build/stryker"}'),
      configuredTempDir('/p/stryker.config.mjs', '{"tempDirName":"x"}'),
      configuredTempDir(undefined, undefined),
      configuredTempDir('/p/s.json', '{}'),
      configuredTempDir('/p/s.json', '{"tempDirName":"  "}'),
      configuredTempDir('/p/s.json', '{"tempDirName":3}'),
      configuredTempDir('/p/s.json', 'null'),
      configuredTempDir('/p/s.json', '{oops'),
    ]).toEqual(['build/stryker', '.stryker-tmp', '.stryker-tmp', '.stryker-tmp', '.stryker-tmp', '.stryker-tmp', '.stryker-tmp', '.stryker-tmp']);
  });
});

describe('relativeMutatePath', () => {
  it('is relative with forward slashes', () => {
    expect(relativeMutatePath('/p', '/p/src/deep/a.ts')).toBe('src/deep/a.ts');
  });
  it('escapes glob characters so a range can follow', () => {
    expect(relativeMutatePath('/p', '/p/src/[id]/page(1)+x.ts')).toBe('src/[[]id[]]/page[(]1[)]+x.ts');
    expect(relativeMutatePath('/p', '/p/a*?{x}!@.ts')).toBe('a[*][?][{]x[}]!@.ts');
  });
  it('turns braces that would expand into single-character wildcards', () => {
    expect(relativeMutatePath('/p', '/p/{a,b}/[x]{1..2}.ts')).toBe('?a,b?/[[]x[]]?1..2?.ts');
  });
  it('uses forward slashes for Windows paths', () => {
    expect(relativeMutatePath('C:\\p', 'C:\\p\\src\\a.ts', path.win32)).toBe('src/a.ts');
  });
});

describe('customCommand', () => {
  it('replaces every ${file}', () => {
    expect(customCommand(['npx', 'stryker', 'run', '--mutate', '${file}', 'x${file}'], 'src/a.ts')).toEqual({
      command: 'npx',
      args: ['stryker', 'run', '--mutate', 'src/a.ts', 'xsrc/a.ts'],
    });
  });
  it('refuses empty, non-string and missing settings', () => {
    expect(customCommand([], 'a')).toBe(undefined);
    expect(customCommand(['npx', 3], 'a')).toBe(undefined);
    expect(customCommand(undefined, 'a')).toBe(undefined);
    expect(customCommand([''], 'a')).toBe(undefined);
  });
});
