import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LoadEnvironment } from '../../../../src/core/mutation/report/load';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures');

/** Every file under `root` by base name (the extension asks VS Code's file search for this). */
function filesByName(root: string): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else byName.set(name, [...(byName.get(name) ?? []), file]);
    }
  };
  walk(root);
  return byName;
}

/** A load environment whose one workspace folder is `root`, searched for real. */
export function folderEnvironment(root: string, overrides: Partial<LoadEnvironment> = {}): LoadEnvironment {
  return {
    workspaceFolders: [root],
    exists: (file) => existsSync(file) && statSync(file).isFile(),
    findFilesNamed: async (names) => {
      const all = filesByName(root);
      return new Map(names.map((name) => [name, all.get(name) ?? []]));
    },
    maxBytes: 1024 * 1024,
    ...overrides,
  };
}
