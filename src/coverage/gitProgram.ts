import * as vscode from 'vscode';
import { nodeGitProbe, resolveGit, type ResolvedGit } from '../core/git/gitLocate';
import type { Log } from '../shared/log';
import type { GitApi } from './gitExtension';

/**
 * The git program, resolved once (again only when `mutantLens.gitPath` changes) to an absolute
 * path outside the workspace: the user's `mutantLens.gitPath`, else the git extension's git,
 * else PATH. The result is logged once.
 */
export class GitProgram {
  private resolving: Promise<ResolvedGit | { readonly problem: string }> | undefined;

  constructor(
    private readonly log: Log,
    private readonly setting: () => string,
    private readonly gitApi: () => Promise<GitApi | undefined>,
  ) {}

  /** The absolute path of git, or why there is none. */
  async path(): Promise<{ readonly path: string } | { readonly problem: string }> {
    this.resolving ??= this.resolve();
    return this.resolving;
  }

  /** Forgets the resolved git (the setting changed). */
  reset(): void {
    this.resolving = undefined;
  }

  private async resolve(): Promise<ResolvedGit | { readonly problem: string }> {
    const setting = this.setting();
    const needsSearch = setting === '' || setting === 'git';
    const api = needsSearch ? await this.gitApi() : undefined;
    const search = { pathEnv: process.env.PATH, cwd: process.cwd(), workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath), platform: process.platform };
    const result = await resolveGit({ setting, gitExtensionPath: api?.git.path, search }, nodeGitProbe);
    if ('path' in result) this.log.info(`Using git ${result.path} (from ${result.source === 'setting' ? 'mutantLens.gitPath' : result.source})`);
    else this.log.warn(result.problem);
    return result;
  }
}
