// Copies test/fixtures/rerun-project into a folder and links the repo root's node_modules into
// it, so that the copy has its own node_modules/.bin/stryker (the link is never committed).
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const rerunFixture = join(repoRoot, 'test', 'fixtures', 'rerun-project');

const LEFT_OUT = ['node_modules', '.stryker-tmp', join('reports', 'stryker-incremental.json'), join('reports', 'mutation', 'mutation.html')];

/** Fills `dir` with a copy of the fixture (its committed report included); returns `dir`. */
export function makeRerunWorkspace(dir) {
  cpSync(rerunFixture, dir, {
    recursive: true,
    filter: (path) => !LEFT_OUT.some((left) => relative(rerunFixture, path) === left || relative(rerunFixture, path).startsWith(left + sep)),
  });
  const modules = join(repoRoot, 'node_modules');
  if (!existsSync(join(modules, '@stryker-mutator', 'core'))) throw new Error(`${modules} has no @stryker-mutator/core: run npm ci first`);
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A workspace with a source file and a package.json but no Stryker at all. */
export function makeNoStrykerWorkspace(dir) {
  cpSync(join(rerunFixture, 'src', 'clamp.ts'), join(dir, 'src', 'clamp.ts'));
  cpSync(join(rerunFixture, 'vitest.config.ts'), join(dir, 'vitest.config.ts'));
  return dir;
}
