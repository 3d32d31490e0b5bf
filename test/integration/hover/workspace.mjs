// The hover suite's workspace: a copy of the sample project (real StrykerJS report) in `sample/`,
// and in `hostile/` a tiny project whose report carries markdown, HTML, command links, backtick
// runs and a 10,000-character replacement.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../harness/paths.mjs';

export const HOSTILE_SOURCE = 'export function evil(a: number, b: number): boolean {\n  return a >= b;\n}\n';

export const TWINS_SOURCE = 'export const positive = (a: number): boolean => a > 0;\n';

export const HOSTILE = {
  mutatorName: '[x](command:workbench.action.terminal.new)',
  replacement: '```\n<img src=x onerror=alert(1)>[run](command:mutantLens.disableMutant)' + 'y'.repeat(10_000),
  statusReason: '<b>bold</b> **strong** [link](command:workbench.action.terminal.new) `code`',
  testName: '# heading ![img](https://x/y.png) &amp; <script>alert(1)</script>',
};

function hostileReport() {
  return {
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60 },
    files: {
      'src/evil.ts': {
        language: 'typescript',
        source: HOSTILE_SOURCE,
        mutants: [
          {
            id: 'evil-1',
            mutatorName: HOSTILE.mutatorName,
            replacement: HOSTILE.replacement,
            location: { start: { line: 2, column: 10 }, end: { line: 2, column: 16 } },
            status: 'Survived',
            statusReason: HOSTILE.statusReason,
            coveredBy: ['t1'],
          },
        ],
      },
      'src/twins.ts': {
        language: 'typescript',
        source: TWINS_SOURCE,
        mutants: ['true', 'false'].map((replacement) => ({
          id: `twin-${replacement}`,
          mutatorName: 'ConditionalExpression',
          replacement,
          location: { start: { line: 1, column: 49 }, end: { line: 1, column: 54 } },
          status: 'Survived',
          coveredBy: [],
        })),
      },
    },
    testFiles: { 'test/evil.test.ts': { tests: [{ id: 't1', name: HOSTILE.testName }] } },
  };
}

export function hoverWorkspace(dir) {
  const sample = join(repoRoot, 'test/fixtures/sample-project');
  cpSync(sample, join(dir, 'sample'), {
    recursive: true,
    filter: (path) => !['node_modules', 'EXPECTED.md', 'coverage'].includes(relative(sample, path).split('/')[0]),
  });
  const hostile = join(dir, 'hostile');
  mkdirSync(join(hostile, 'src'), { recursive: true });
  mkdirSync(join(hostile, 'reports/mutation'), { recursive: true });
  writeFileSync(join(hostile, 'package.json'), '{ "name": "hostile", "private": true }\n');
  writeFileSync(join(hostile, 'src/evil.ts'), HOSTILE_SOURCE);
  writeFileSync(join(hostile, 'src/twins.ts'), TWINS_SOURCE);
  writeFileSync(join(hostile, 'reports/mutation/mutation.json'), JSON.stringify(hostileReport()));
}
