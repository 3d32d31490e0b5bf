import { findGitFiles, readBranch, readOriginProject } from '../core/dashboard/gitRemote';
import type { DashboardTarget } from '../core/dashboard/url';
import type { DashboardSettings } from '../shared/config';

/** What the command chose for a folder (it wins over the settings until the window closes). */
export interface ChosenTarget {
  readonly project: string;
  readonly version: string | undefined;
  readonly module: string | undefined;
}

/** The project and branch git's own files name for a folder (bounded reads, no git process). */
export async function derivedFromGit(folder: string): Promise<{ project: string | undefined; branch: string | undefined }> {
  const files = await findGitFiles(folder);
  if (files === undefined) return { project: undefined, branch: undefined };
  return { project: await readOriginProject(files), branch: await readBranch(files) };
}

/**
 * The folder's target: the command's choice, else the settings. Undefined when no project is
 * configured (nothing is requested then) or no version is known (detached HEAD, no setting).
 */
export function targetFor(settings: DashboardSettings, chosen: ChosenTarget | undefined, branch: string | undefined): DashboardTarget | undefined {
  const project = chosen?.project ?? settings.project;
  const version = chosen?.version ?? (settings.version !== '' ? settings.version : branch);
  if (project === '' || version === undefined || version === '') return undefined;
  const module = chosen?.module ?? settings.module;
  return { baseUrl: settings.baseUrl, project, version, module: module === '' ? undefined : module };
}
