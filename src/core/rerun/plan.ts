/**
 * From "rerun this file (these lines)" to what to start: the project, its Stryker (or the user's
 * own command), the arguments. Pure over the FileProbe interface.
 */
import * as nodePath from 'node:path';
import { err, ok, type Result } from '../shared/types';
import { configuredReporters, configuredTempDir, customCommand, relativeMutatePath, type StrykerRunPlan } from './args';
import type { RerunOutcome } from './outcome';
import { findCargoProject } from './cargoMutants';
import { findStrykerBin, findStrykerProject, type FileProbe } from './project';
import type { LineRange } from './ranges';

export interface RerunTarget {
  /** Absolute path of the file to retest. */
  readonly file: string;
  /** The workspace folder holding it: the project search stops there. */
  readonly workspaceFolder: string | undefined;
  /** Only these lines (undefined: the whole file). */
  readonly ranges: readonly LineRange[] | undefined;
}

export interface RerunEnvironment {
  readonly probe: FileProbe;
  /** Absolute path of dist/stryker-progress-reporter.js. */
  readonly pluginPath: string;
  /** `mutantLens.rerun.command` from user or machine settings. */
  readonly customTemplate: readonly unknown[] | undefined;
  /** The full report the watcher reads for a project. */
  readonly reportPathFor: (projectDir: string) => string;
  /** The absolute path of cargo (never looked up inside the workspace), for Rust files. */
  readonly findCargo?: () => Promise<string | undefined>;
}

export type PlannedRun =
  | {
      readonly kind: 'stryker';
      readonly projectDir: string;
      /** The file as shown to people: relative to the project, forward slashes. */
      readonly label: string;
      readonly stryker: Omit<StrykerRunPlan, 'seedReport'>;
      /** Where the full report goes (and the seed comes from). */
      readonly reportFile: string;
    }
  | { readonly kind: 'custom'; readonly projectDir: string; readonly label: string; readonly command: string; readonly args: readonly string[] }
  /** `cargo mutants --file <label>` with `command` the absolute path of cargo (cargoMutants.ts). */
  | { readonly kind: 'cargo-mutants'; readonly projectDir: string; readonly label: string; readonly command: string };

export async function planRerun(target: RerunTarget, env: RerunEnvironment, path = nodePath): Promise<Result<PlannedRun, RerunOutcome>> {
  // Nothing above the workspace folder is the project's (a file outside every folder: its own folder only).
  const limit = target.workspaceFolder ?? path.dirname(target.file);
  const cargoDir = target.file.endsWith('.rs') && env.findCargo !== undefined ? await findCargoProject(target.file, env.probe, limit, path) : undefined;
  if (cargoDir !== undefined && env.findCargo !== undefined) return planCargoRerun(target.file, cargoDir, env.customTemplate, env.findCargo, path);
  const project = await findStrykerProject(target.file, env.probe, limit, path);
  const projectDir = project?.dir ?? target.workspaceFolder ?? path.dirname(target.file);
  const label = path.relative(projectDir, target.file).split(path.sep).join('/');
  const custom = customCommand(env.customTemplate, label);
  if (custom !== undefined) return ok({ kind: 'custom', projectDir, label, ...custom });
  if (project === undefined) return err({ kind: 'notInstalled' });
  const strykerBin = await findStrykerBin(project.dir, env.probe, limit, path);
  if (strykerBin === undefined) return err({ kind: 'notInstalled' });
  const configText = project.configFile === undefined ? undefined : await env.probe.readFile(project.configFile);
  return ok({
    kind: 'stryker',
    projectDir,
    label,
    reportFile: env.reportPathFor(projectDir),
    stryker: {
      strykerBin,
      mutatePath: relativeMutatePath(projectDir, target.file, path),
      ranges: target.ranges,
      pluginPath: env.pluginPath,
      projectReporters: configuredReporters(project.configFile, configText),
      tempDirName: configuredTempDir(project.configFile, configText),
    },
  });
}

async function planCargoRerun(file: string, projectDir: string, customTemplate: readonly unknown[] | undefined, findCargo: () => Promise<string | undefined>, path: typeof nodePath): Promise<Result<PlannedRun, RerunOutcome>> {
  const label = path.relative(projectDir, file).split(path.sep).join('/');
  const custom = customCommand(customTemplate, label);
  if (custom !== undefined) return ok({ kind: 'custom', projectDir, label, ...custom });
  const cargo = await findCargo();
  if (cargo === undefined) return err({ kind: 'failed', detail: 'cargo was found neither on PATH (outside the workspace) nor in ~/.cargo/bin; install Rust and cargo-mutants (cargo install cargo-mutants --locked)' });
  return ok({ kind: 'cargo-mutants', projectDir, label, command: cargo });
}
