import { describe, expect, it } from 'vitest';
import { ancestors, dependsOnStryker, findStrykerBin, findStrykerProject, STRYKER_CONFIG_NAMES, type FileProbe } from '../../../src/core/rerun/project';

function fakeFs(files: Record<string, string>): FileProbe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    exists: async (p) => (asked.push(p), Object.hasOwn(files, p)),
    readFile: async (p) => (asked.push(p), files[p]),
  };
}

describe('findStrykerProject', () => {
  it('finds the nearest folder with a config file', async () => {
    const fs = fakeFs({ '/repo/stryker.config.json': '{}', '/repo/pkg/stryker.conf.mjs': '' });
    expect(await findStrykerProject('/repo/pkg/src/a.ts', fs)).toEqual({ dir: '/repo/pkg', configFile: '/repo/pkg/stryker.conf.mjs' });
  });

  it('accepts every config name', async () => {
    for (const name of STRYKER_CONFIG_NAMES) {
      expect(await findStrykerProject('/p/src/a.ts', fakeFs({ [`/p/${name}`]: '' }))).toEqual({ dir: '/p', configFile: `/p/${name}` });
    }
  });

  it('knows sixteen config names', () => {
    expect(STRYKER_CONFIG_NAMES).toHaveLength(16);
    expect(STRYKER_CONFIG_NAMES).toContain('.stryker.conf.cjs');
  });

  it('takes a package.json that depends on Stryker', async () => {
    const fs = fakeFs({ '/p/package.json': '{"devDependencies":{"@stryker-mutator/core":"9.6.1"}}', '/p/src/package.json': '{"name":"x"}' });
    expect(await findStrykerProject('/p/src/a.ts', fs)).toEqual({ dir: '/p', configFile: undefined });
  });

  it('prefers a config file over package.json in the same folder', async () => {
    const fs = fakeFs({ '/p/package.json': '{"dependencies":{"@stryker-mutator/core":"9"}}', '/p/.stryker.conf.json': '{}' });
    expect(await findStrykerProject('/p/a.ts', fs)).toEqual({ dir: '/p', configFile: '/p/.stryker.conf.json' });
  });

  it('stops at the given folder', async () => {
    const fs = fakeFs({ '/stryker.config.json': '{}' });
    expect(await findStrykerProject('/ws/src/a.ts', fs, '/ws')).toBe(undefined);
    expect(fs.asked.filter((p) => p.startsWith('/stryker'))).toEqual([]);
  });

  it('finds nothing without Stryker', async () => {
    expect(await findStrykerProject('/p/a.ts', fakeFs({ '/p/package.json': '{}' }))).toBe(undefined);
  });
});

describe('dependsOnStryker', () => {
  it('reads each dependency kind', () => {
    for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      expect(dependsOnStryker(JSON.stringify({ [key]: { '@stryker-mutator/core': '*' } }))).toBe(true);
    }
  });
  it('is false for other packages, broken JSON and no file', () => {
    expect(dependsOnStryker('{"devDependencies":{"@stryker-mutator/api":"9"}}')).toBe(false);
    expect(dependsOnStryker('{"devDependencies":null}')).toBe(false);
    expect(dependsOnStryker('{oops')).toBe(false);
    expect(dependsOnStryker(undefined)).toBe(false);
  });
});

describe('findStrykerBin', () => {
  it('finds the bin script in the project or a hoisting parent', async () => {
    const bin = '/m/node_modules/@stryker-mutator/core/bin/stryker.js';
    expect(await findStrykerBin('/m/packages/a', fakeFs({ [bin]: '' }), '/m')).toBe(bin);
    expect(await findStrykerBin('/m/packages/a', fakeFs({}), '/m')).toBe(undefined);
  });

  it('looks no higher than the workspace folder: a Stryker above it is not the project\'s', async () => {
    const outside = '/home/node_modules/@stryker-mutator/core/bin/stryker.js';
    const fs = fakeFs({ [outside]: '' });
    expect(await findStrykerBin('/home/ws/app', fs, '/home/ws')).toBe(undefined);
    expect(fs.asked).toEqual(['/home/ws/app/node_modules/@stryker-mutator/core/bin/stryker.js', '/home/ws/node_modules/@stryker-mutator/core/bin/stryker.js']);
  });

  it('looks nowhere for a project outside the folder it may search', async () => {
    const fs = fakeFs({ '/other/node_modules/@stryker-mutator/core/bin/stryker.js': '' });
    expect(await findStrykerBin('/other', fs, '/ws')).toBe(undefined);
    expect(fs.asked).toEqual([]);
  });
});

describe('ancestors', () => {
  it('lists the folder and its parents', () => {
    expect(ancestors('/a/b/c', undefined)).toEqual(['/a/b/c', '/a/b', '/a', '/']);
    expect(ancestors('/a/b/c', '/a/b')).toEqual(['/a/b/c', '/a/b']);
    expect(ancestors('/a/b', '/a/b')).toEqual(['/a/b']);
  });

  it('lists nothing for a folder outside the stop folder (a sibling with a common prefix included)', () => {
    expect(ancestors('/a/bc/d', '/a/b')).toEqual([]);
    expect(ancestors('/a', '/a/b')).toEqual([]);
    expect(ancestors('/x/y', '/a')).toEqual([]);
  });
});
