import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The files under `root` with each of the base names (what the extension's findFilesNamed answers from the workspace). */
export function filesNamedUnder(root: string, names: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>(names.map((name) => [name, []]));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.get(entry.name)?.push(full);
    }
  };
  walk(root);
  return found;
}
