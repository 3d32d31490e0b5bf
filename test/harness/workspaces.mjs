// Gives a suite the folder it opens: a fixture as it is, a temp copy of a fixture (for
// suites that modify it), or a temp folder that a function fills.
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { repoRoot } from './paths.mjs';

/**
 * @param {string | ((dir: string) => string | void | Promise<string | void>)} workspace
 *   a path relative to the repository root, or a function given an empty temp dir that fills
 *   it and may return the folder to open inside it
 * @param {{ copy?: boolean }} [options] copy a fixture path to a temp dir first
 * @returns {Promise<{ folder: string, dispose: () => void }>}
 */
export async function prepareWorkspace(workspace, { copy = false } = {}) {
  if (typeof workspace === 'string' && !copy) {
    return { folder: isAbsolute(workspace) ? workspace : join(repoRoot, workspace), dispose: () => {} };
  }
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'mutant-lens-ws-')));
  const dispose = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  try {
    if (typeof workspace === 'string') {
      const source = isAbsolute(workspace) ? workspace : join(repoRoot, workspace);
      cpSync(source, dir, { recursive: true, filter: (path) => !path.includes('/node_modules/.cache/') });
      return { folder: dir, dispose };
    }
    const folder = (await workspace(dir)) ?? dir;
    return { folder, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** A workspace function for suites that need no files. */
export function emptyWorkspace() {}
