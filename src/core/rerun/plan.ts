/**
 * From "rerun this file (these lines)" to what to start: the project, its Stryker (or the user's
 * own command), the arguments. Pure over the FileProbe interface.
 */
import * as nodePath from 'node:path';
import { err, ok, type Result } from '../shared/types';
import { configuredReporters, configuredTempDir, customCommand, relativeMutatePath, type StrykerRunPlan } from './args';
import type { RerunOutcome } from './outcome';
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
  | { readonly kind: 'custom'; readonly projectDir: string; readonly label: string; readonly command: string; readonly args: readonly string[] };

export async function planRerun(target: RerunTarget, env: RerunEnvironment, path = nodePath): Promise<Result<PlannedRun, RerunOutcome>> {
  // Nothing above the workspace folder is the project's (a file outside every folder: its own folder only).
  const limit = target.workspaceFolder ?? path.dirname(target.file);
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
