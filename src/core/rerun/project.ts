/**
 * Finding the Stryker project of a file and its own Stryker: pure over a small file-system
 * interface, so it is tested with an in-memory fake.
 */
import * as nodePath from 'node:path';

export interface FileProbe {
  exists(path: string): Promise<boolean>;
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
}

export interface StrykerProject {
  /** Absolute path of the folder Stryker runs in. */
  readonly dir: string;
  /** Absolute path of the Stryker config file, or undefined when only package.json names Stryker. */
  readonly configFile: string | undefined;
}

const CONFIG_BASES = ['stryker.conf', 'stryker.config', '.stryker.conf', '.stryker.config'];
const CONFIG_EXTENSIONS = ['json', 'js', 'mjs', 'cjs'];
export const STRYKER_CONFIG_NAMES: readonly string[] = CONFIG_BASES.flatMap((b) => CONFIG_EXTENSIONS.map((e) => `${b}.${e}`));

/**
 * The nearest folder at or above the file's folder that holds a Stryker config file or a
 * package.json that depends on @stryker-mutator/core. Never looks above `stopAt` (when given).
 */
export async function findStrykerProject(file: string, probe: FileProbe, stopAt?: string, path = nodePath): Promise<StrykerProject | undefined> {
  for (const dir of ancestors(path.dirname(file), stopAt, path)) {
    for (const name of STRYKER_CONFIG_NAMES) {
      const configFile = path.join(dir, name);
      if (await probe.exists(configFile)) return { dir, configFile };
    }
    if (dependsOnStryker(await probe.readFile(path.join(dir, 'package.json')))) return { dir, configFile: undefined };
  }
  return undefined;
}

export function dependsOnStryker(packageJson: string | undefined): boolean {
  if (packageJson === undefined) return false;
  try {
    const pkg = JSON.parse(packageJson) as Record<string, unknown>;
    return ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].some((key) => {
      const deps = pkg[key];
      return typeof deps === 'object' && deps !== null && Object.hasOwn(deps, '@stryker-mutator/core');
    });
  } catch {
    return false;
  }
}

/**
 * Where the project's own Stryker lives: `node_modules/@stryker-mutator/core/bin/stryker.js` at or
 * above the project (hoisted installs), never above `stopAt` (the workspace folder): a Stryker
 * outside the workspace is not the project's.
 */
export async function findStrykerBin(projectDir: string, probe: FileProbe, stopAt: string, path = nodePath): Promise<string | undefined> {
  for (const dir of ancestors(projectDir, stopAt, path)) {
    const bin = path.join(dir, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
    if (await probe.exists(bin)) return bin;
  }
  return undefined;
}

/**
 * The folder itself, then each parent up to `stopAt` (inclusive) or the root. A folder outside
 * `stopAt` has no ancestors to search: nothing.
 */
export function ancestors(dir: string, stopAt: string | undefined, path = nodePath): string[] {
  if (stopAt !== undefined && !isAtOrInside(stopAt, dir, path)) return [];
  const found: string[] = [];
  let current = dir;
  for (;;) {
    found.push(current);
    const parent = path.dirname(current);
    if (current === stopAt || parent === current) return found;
    current = parent;
  }
}

function isAtOrInside(folder: string, dir: string, path: typeof nodePath): boolean {
  const relative = path.relative(folder, dir);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
