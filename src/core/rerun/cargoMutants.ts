/**
 * Rerunning cargo-mutants on one Rust file: `cargo mutants --file <file> --output <private dir>`
 * in the folder whose `mutants.out` Mutant Lens shows (else the nearest Cargo.toml folder). The
 * private output keeps cargo-mutants from rotating the shown `mutants.out` away to
 * `mutants.out.old` while it runs; when it has finished, that file's outcomes replace its old
 * ones in `mutants.out/outcomes.json` and `mutants.json` (the other files keep theirs), written
 * whole under a temporary name and renamed, so the watcher never reads half a file.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { ancestors, type FileProbe } from './project';

/** The folder to run in: the nearest one at or above the file holding mutants.out/outcomes.json, else Cargo.toml; never above `stopAt`. */
export async function findCargoProject(file: string, probe: FileProbe, stopAt: string | undefined, path = nodePath): Promise<string | undefined> {
  const dirs = ancestors(path.dirname(file), stopAt, path);
  for (const dir of dirs) if (await probe.exists(path.join(dir, 'mutants.out', 'outcomes.json'))) return dir;
  for (const dir of dirs) if (await probe.exists(path.join(dir, 'Cargo.toml'))) return dir;
  return undefined;
}

export function cargoMutantsArgs(relativeFile: string, outputDir: string): string[] {
  return ['mutants', '--file', relativeFile, '--output', outputDir];
}

/** cargo-mutants' exit codes (src/exit_code.rs, v27.1.0): 0 all caught, 2 some missed, 3 some timed out; the results are written in each case. */
export const CARGO_MUTANTS_RESULT_EXIT_CODES: ReadonlySet<number> = new Set([0, 2, 3]);

/**
 * The absolute path of `name` in one of the PATH folders (then `extraDirs`), skipping relative
 * folders and any folder inside a workspace folder: a cloned repository must not choose the program.
 */
export async function findProgram(
  name: string,
  searchPath: string | undefined,
  extraDirs: readonly string[],
  workspaceFolders: readonly string[],
  isExecutable: (file: string) => Promise<boolean>,
  path = nodePath,
): Promise<string | undefined> {
  const dirs = [...(searchPath ?? '').split(path.delimiter), ...extraDirs];
  for (const dir of dirs) {
    if (dir === '' || !path.isAbsolute(dir)) continue;
    const inside = workspaceFolders.some((folder) => {
      const relative = path.relative(folder, dir);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
    if (inside) continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

type Json = Record<string, unknown>;

const COUNTS: Readonly<Record<string, string>> = { CaughtMutant: 'caught', MissedMutant: 'missed', Timeout: 'timeout', Unviable: 'unviable', Success: 'success', Failure: 'failure' };

function mutantFile(entry: unknown): string | undefined {
  const scenario = (entry as Json | null)?.scenario;
  const mutant = typeof scenario === 'object' && scenario !== null ? (scenario as Json).Mutant : undefined;
  const file = (mutant as Json | undefined)?.file;
  return typeof file === 'string' ? file : undefined;
}

/** The shown outcomes with `file`'s mutants replaced by the fresh run's; the totals counted again. */
export function mergeOutcomes(shown: unknown, fresh: Json, file: string): Json {
  const kept = Array.isArray((shown as Json | null)?.outcomes) ? ((shown as Json).outcomes as unknown[]).filter((o) => mutantFile(o) !== undefined && mutantFile(o) !== file) : [];
  const freshOutcomes: unknown[] = Array.isArray(fresh.outcomes) ? (fresh.outcomes as unknown[]) : [];
  const baseline = freshOutcomes.filter((o) => mutantFile(o) === undefined);
  const outcomes = [...baseline, ...kept, ...freshOutcomes.filter((o) => mutantFile(o) !== undefined)];
  const counts: Record<string, number> = { caught: 0, missed: 0, timeout: 0, unviable: 0, success: 0, failure: 0 };
  for (const outcome of outcomes) {
    const summary = String((outcome as Json).summary);
    const key = mutantFile(outcome) !== undefined && Object.hasOwn(COUNTS, summary) ? COUNTS[summary] : undefined;
    if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
  }
  return { ...fresh, outcomes, total_mutants: outcomes.length - baseline.length, ...counts };
}

/** The shown mutant list with `file`'s mutants replaced by the fresh list's. */
export function mergeMutantList(shown: unknown, fresh: unknown, file: string): unknown[] {
  const ofFile = (m: unknown): boolean => (m as Json | null)?.file === file;
  const kept: unknown[] = Array.isArray(shown) ? (shown as unknown[]).filter((m) => !ofFile(m)) : [];
  return [...kept, ...(Array.isArray(fresh) ? (fresh as unknown[]) : [])];
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function writeWhole(file: string, data: unknown): Promise<void> {
  const temporary = `${file}.mutant-lens-${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(data, null, 2));
  await fs.rename(temporary, file);
}

/**
 * Folds a finished run's `<private>/mutants.out` into the shown `mutants.out` (made when missing):
 * the diff files first, then mutants.json, then outcomes.json (the file the watcher reads) last.
 * Returns false when the fresh run left no outcomes.json.
 */
export async function mergeCargoOutput(freshOut: string, shownOut: string, file: string): Promise<boolean> {
  const fresh = await readJson(nodePath.join(freshOut, 'outcomes.json'));
  if (typeof fresh !== 'object' || fresh === null || Array.isArray(fresh)) return false;
  await fs.mkdir(nodePath.join(shownOut, 'diff'), { recursive: true });
  const diffs = await fs.readdir(nodePath.join(freshOut, 'diff')).catch(() => [] as string[]);
  for (const name of diffs) await fs.copyFile(nodePath.join(freshOut, 'diff', name), nodePath.join(shownOut, 'diff', name));
  const list = mergeMutantList(await readJson(nodePath.join(shownOut, 'mutants.json')), await readJson(nodePath.join(freshOut, 'mutants.json')), file);
  await writeWhole(nodePath.join(shownOut, 'mutants.json'), list);
  await writeWhole(nodePath.join(shownOut, 'outcomes.json'), mergeOutcomes(await readJson(nodePath.join(shownOut, 'outcomes.json')), fresh as Json, file));
  return true;
}
