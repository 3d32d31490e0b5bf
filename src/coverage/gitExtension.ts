import * as vscode from 'vscode';

/** The part of the built-in git extension's API (`vscode.git`, `getAPI(1)`) that Mutant Lens uses. */
export interface GitApi {
  readonly git: { readonly path: string };
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly onDidChange: vscode.Event<void> };
}

interface GitExtensionExports {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

const INITIALIZE_MS = 10_000;

/**
 * The git extension's API once it is active and has scanned the workspace, or undefined when it
 * is missing, disabled (`git.enabled: false`) or fails. Only called in a trusted workspace (the
 * git extension itself does not run in Restricted Mode).
 */
export async function gitExtensionApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  if (extension === undefined) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) return undefined;
    const api = exports.getAPI(1);
    await initialized(api);
    return api;
  } catch {
    return undefined;
  }
}

/** Waits (bounded) until the git extension has opened the repositories of the workspace. */
function initialized(api: GitApi): Promise<void> {
  if (api.state === 'initialized') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, INITIALIZE_MS);
    const listener = api.onDidChangeState((state) => {
      if (state === 'initialized') done();
    });
  });
}
