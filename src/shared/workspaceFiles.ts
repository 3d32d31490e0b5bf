import * as vscode from 'vscode';
import { Containment, outsideMessage } from '../core/shared/containment';
import type { Log } from './log';

/** Never searched for reports or coverage. */
export const NEVER_SEARCHED = '{**/node_modules/**,**/.stryker-tmp/**}';

/** Absolute paths of the workspace folders. */
export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
}

/** Every file matching one of the globs (relative to each workspace folder), once each; those a link leads outside the workspace are left out (and told once). */
export async function findWorkspaceFiles(globs: readonly string[], outside: OutsideNotice): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const glob of searches(globs)) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), NEVER_SEARCHED)) found.add(uri.fsPath);
    }
  }
  const containment = workspaceContainment();
  const inside = [...found].filter((file) => containment.contains(file));
  outside.tell(containment);
  return inside;
}

/**
 * The globs as few searches: one `{a,b,…}` when none has a group of its own (groups do not nest),
 * else one each. Each search is a file walk (in a remote extension host, a ripgrep process).
 */
export function searches(globs: readonly string[]): string[] {
  if (globs.length < 2 || globs.some((glob) => /[{},]/.test(glob))) return [...globs];
  return [`{${globs.join(',')}}`];
}

/** A containment check of the current workspace folders (real paths taken now). */
export function workspaceContainment(): Containment {
  return new Containment(workspaceFolderPaths());
}

/** Says once per path that a link led it outside the workspace (after each containment use). */
export class OutsideNotice {
  private readonly said = new Set<string>();

  constructor(private readonly log: Log) {}

  tell(containment: Containment): void {
    this.tellEach(containment.takeOutside());
  }

  /** The same for paths found outside elsewhere (the report worker's containment). */
  tellEach(outside: ReadonlyArray<{ readonly file: string; readonly real: string }>): void {
    for (const { file, real } of outside) {
      if (this.said.has(file)) continue;
      this.said.add(file);
      this.log.warn(outsideMessage(file, real));
    }
  }
}
