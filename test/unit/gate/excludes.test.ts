import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDES } from '../../../src/core/gate/excludes';
import { matchesAnyGlob, refusedGlobs } from '../../../src/core/shared/glob';

describe('DEFAULT_EXCLUDES', () => {
  it('is the documented list of tests, fixtures, configs and docs', () => {
    expect(DEFAULT_EXCLUDES).toEqual([
      '**/*.test.*',
      '**/*.spec.*',
      '**/test/**',
      '**/tests/**',
      '**/__tests__/**',
      '**/__mocks__/**',
      '**/fixtures/**',
      '**/*.config.*',
      '**/.*rc',
      '**/.*rc.*',
      '**/*.json',
      '**/*.md',
      '**/docs/**',
      '**/.github/**',
      '**/.gitlab-ci.yml',
      '**/.vscode/**',
    ]);
    expect(refusedGlobs(DEFAULT_EXCLUDES)).toEqual([]);
  });

  it('leaves out each kind of file it names, at the root and deeper, and keeps source files', () => {
    const paths = [
      'src/a.test.ts',
      'src/a.spec.js',
      'test/a.ts',
      'pkg/tests/b.py',
      'src/__tests__/c.ts',
      'src/__mocks__/d.ts',
      'test-data/fixtures/e.ts',
      'vite.config.mts',
      '.eslintrc',
      'pkg/.prettierrc.json5',
      'package.json',
      'README.md',
      'docs/guide.ts',
      '.github/workflows/ci.yml',
      'sub/.gitlab-ci.yml',
      '.vscode/settings.ts',
      'src/a.ts',
      'src/testing/a.ts',
      'src/config.ts',
      'src/rc.ts',
      'src/contest.ts',
      'src/docs.ts',
      'lib/fixture.ts',
      'src/a.yml',
    ];
    expect(paths.filter((p) => matchesAnyGlob(p, DEFAULT_EXCLUDES))).toEqual(paths.slice(0, 16));
  });

  it('each pattern is needed: every excluded example is matched by its own pattern alone', () => {
    const examples = ['src/a.test.ts', 'src/a.spec.js', 'test/a.ts', 'pkg/tests/b.py', 'src/__tests__/c.ts', 'src/__mocks__/d.ts', 'test-data/fixtures/e.ts', 'vite.config.mts', '.eslintrc', 'pkg/.prettierrc.cjs', 'package.json', 'README.md', 'docs/guide.ts', '.github/workflows/ci.yml', 'sub/.gitlab-ci.yml', '.vscode/settings.ts'];
    expect(DEFAULT_EXCLUDES.map((glob) => examples.filter((p) => matchesAnyGlob(p, [glob])))).toEqual([
      ['src/a.test.ts'],
      ['src/a.spec.js'],
      ['test/a.ts'],
      ['pkg/tests/b.py'],
      ['src/__tests__/c.ts'],
      ['src/__mocks__/d.ts'],
      ['test-data/fixtures/e.ts'],
      ['vite.config.mts'],
      ['.eslintrc'],
      ['pkg/.prettierrc.cjs'],
      ['package.json'],
      ['README.md'],
      ['docs/guide.ts'],
      ['.github/workflows/ci.yml'],
      ['sub/.gitlab-ci.yml'],
      ['.vscode/settings.ts'],
    ]);
  });
});
