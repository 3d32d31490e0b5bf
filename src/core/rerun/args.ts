/**
 * The argument arrays of a rerun: StrykerJS's own CLI, or the user's `mutantLens.rerun.command`.
 */
import * as nodePath from 'node:path';
import { PROGRESS_REPORTER } from './protocol';
import { mutateSpecs, type LineRange } from './ranges';

/** StrykerJS's reporters when the config names none. */
export const STRYKER_DEFAULT_REPORTERS: readonly string[] = ['clear-text', 'progress', 'html'];
/**
 * Reporters left out of a rerun: `json` writes the report in place, non-atomically (our plugin
 * writes the same report atomically instead); `dashboard` uploads and belongs to CI.
 */
const LEFT_OUT = new Set(['json', 'dashboard', PROGRESS_REPORTER]);

export interface StrykerRunPlan {
  /** Absolute path of `@stryker-mutator/core/bin/stryker.js`. */
  readonly strykerBin: string;
  /** The file, relative to the project, as `relativeMutatePath` gives it. */
  readonly mutatePath: string;
  /** Only these lines of the file (undefined: the whole file). */
  readonly ranges: readonly LineRange[] | undefined;
  /** A private copy of the current full report, seeding incremental mode; undefined when there is none. */
  readonly seedReport: string | undefined;
  /** Absolute path of dist/stryker-progress-reporter.js. */
  readonly pluginPath: string;
  /** The project's configured reporters, as `configuredReporters` gives them. */
  readonly projectReporters: readonly string[];
  /** Stryker's temp folder, relative to the project, as `configuredTempDir` gives it. */
  readonly tempDirName: string;
}

/** Arguments for `node` (the user's): the bin script first, never through a shell. */
export function strykerArgs(plan: StrykerRunPlan): string[] {
  const args = [plan.strykerBin, 'run', '--incremental'];
  if (plan.seedReport !== undefined) args.push('--incrementalFile', plan.seedReport);
  for (const spec of mutateSpecs(plan.mutatePath, plan.ranges)) args.push('--mutate', spec);
  args.push('--appendPlugins', plan.pluginPath);
  args.push('--reporters', rerunReporters(plan.projectReporters).join(','));
  return args;
}

export function rerunReporters(projectReporters: readonly string[]): string[] {
  const kept = projectReporters.filter((r) => !LEFT_OUT.has(r));
  return [...new Set(kept), PROGRESS_REPORTER];
}

/**
 * The reporters a config file names. Only JSON configs are read (JS configs would have to be
 * executed); for those, and for configs without `reporters`, Stryker's defaults.
 */
export function configuredReporters(configFile: string | undefined, configText: string | undefined): string[] {
  const reporters = jsonConfig(configFile, configText)?.reporters;
  if (Array.isArray(reporters) && reporters.every((r) => typeof r === 'string')) return reporters;
  return [...STRYKER_DEFAULT_REPORTERS];
}

/** StrykerJS's default `tempDirName`. */
export const STRYKER_DEFAULT_TEMP_DIR = '.stryker-tmp';

/** The temp folder (`tempDirName`) a JSON config names; for JS configs and others, Stryker's default. */
export function configuredTempDir(configFile: string | undefined, configText: string | undefined): string {
  const name = jsonConfig(configFile, configText)?.tempDirName;
  return typeof name === 'string' && name.trim() !== '' ? name : STRYKER_DEFAULT_TEMP_DIR;
}

/** A JSON config's top-level object; undefined for JS configs (they would have to run) and broken ones. */
function jsonConfig(configFile: string | undefined, configText: string | undefined): Record<string, unknown> | undefined {
  if (configFile?.endsWith('.json') !== true || configText === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(configText);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // A broken config: Stryker itself reports it as a config error.
    return undefined;
  }
}

const GLOB_SPECIAL = /[*?[\]{}()]/g;
/** A brace pair that minimatch would expand even inside classes: `{a,b}` or `{1..3}`. */
const BRACE_EXPANSION = /\{[^{}]*(?:,|\.\.)[^{}]*\}/;

/**
 * The file relative to the project with forward slashes, as a glob that matches it alone. Each glob
 * character goes in a one-character class (`[[]`): Stryker's matcher turns backslash escapes into
 * path separators, and minimatch takes one-character classes as literal text, so a `:from-to`
 * range may still follow. `!`, `+` and `@` are special only before `(`, which is escaped. Braces
 * that would expand become `?` (the file still matches; a range then is a config error).
 */
export function relativeMutatePath(projectDir: string, file: string, path = nodePath): string {
  const relative = path.relative(projectDir, file).split(path.sep).join('/');
  if (BRACE_EXPANSION.test(relative)) return relative.replace(/[{}]/g, '?').replace(/[*[\]()]/g, (c) => `[${c}]`);
  return relative.replace(GLOB_SPECIAL, (c) => `[${c}]`);
}

/** `mutantLens.rerun.command` with every `${file}` replaced; undefined when the setting is unusable. */
export function customCommand(template: readonly unknown[] | undefined, relativeFile: string): { command: string; args: string[] } | undefined {
  if (template === undefined || template.length === 0 || !template.every((a) => typeof a === 'string')) return undefined;
  const [command, ...args] = (template as string[]).map((a) => a.split('${file}').join(relativeFile));
  return command === undefined || command === '' ? undefined : { command, args };
}
