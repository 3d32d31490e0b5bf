import { describe, expect, it } from 'vitest';
import { planRerun, type RerunEnvironment } from '../../../src/core/rerun/plan';
import type { FileProbe } from '../../../src/core/rerun/project';

const BIN = '/ws/node_modules/@stryker-mutator/core/bin/stryker.js';

function env(files: Record<string, string>, customTemplate?: unknown[]): RerunEnvironment {
  const probe: FileProbe = { exists: async (p) => Object.hasOwn(files, p), readFile: async (p) => files[p] };
  return { probe, pluginPath: '/ext/dist/stryker-progress-reporter.js', customTemplate, reportPathFor: (d) => `${d}/reports/mutation/mutation.json` };
}

const target = { file: '/ws/app/src/a b.ts', workspaceFolder: '/ws', ranges: [{ from: 3, to: 4 }] };

describe('planRerun', () => {
  it('plans a Stryker run in the project folder', async () => {
    const result = await planRerun(target, env({ '/ws/app/stryker.config.json': '{"reporters":["html","json"]}', [BIN]: '' }));
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'stryker',
        projectDir: '/ws/app',
        label: 'src/a b.ts',
        reportFile: '/ws/app/reports/mutation/mutation.json',
        stryker: { strykerBin: BIN, mutatePath: 'src/a b.ts', ranges: [{ from: 3, to: 4 }], pluginPath: '/ext/dist/stryker-progress-reporter.js', projectReporters: ['html', 'json'], tempDirName: '.stryker-tmp' },
      },
    });
  });

  it('says Stryker is not installed without a project or without its bin', async () => {
    expect(await planRerun(target, env({ [BIN]: '' }))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
    expect(await planRerun(target, env({ '/ws/app/stryker.config.json': '{}' }))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
  });

  it('never runs a Stryker installed above the workspace folder (finding 8 of issue 12)', async () => {
    const above = '/node_modules/@stryker-mutator/core/bin/stryker.js';
    expect(await planRerun(target, env({ '/ws/app/stryker.config.json': '{}', [above]: '' }))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
    expect(await planRerun(target, env({ '/stryker.config.json': '{}', [above]: '' }))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
  });

  it('for a file outside every workspace folder, looks in its own folder only', async () => {
    const outside = { ...target, workspaceFolder: undefined };
    expect(await planRerun(outside, env({ '/ws/app/stryker.config.json': '{}', [BIN]: '' }))).toEqual({ ok: false, error: { kind: 'notInstalled' } });
    const own = '/ws/app/src/node_modules/@stryker-mutator/core/bin/stryker.js';
    const planned = await planRerun(outside, env({ '/ws/app/src/stryker.config.json': '{}', [own]: '' }));
    expect(planned.ok && planned.value.kind === 'stryker' ? [planned.value.projectDir, planned.value.stryker.strykerBin] : planned).toEqual(['/ws/app/src', own]);
  });

  it('runs the custom command instead, in the project or the workspace folder', async () => {
    const custom = ['npx', 'stryker', 'run', '--mutate', '${file}'];
    expect(await planRerun(target, env({}, custom))).toEqual({
      ok: true,
      value: { kind: 'custom', projectDir: '/ws', label: 'app/src/a b.ts', command: 'npx', args: ['stryker', 'run', '--mutate', 'app/src/a b.ts'] },
    });
    expect(await planRerun({ ...target, workspaceFolder: undefined }, env({}, custom))).toEqual({
      ok: true,
      value: { kind: 'custom', projectDir: '/ws/app/src', label: 'a b.ts', command: 'npx', args: ['stryker', 'run', '--mutate', 'a b.ts'] },
    });
  });
});
