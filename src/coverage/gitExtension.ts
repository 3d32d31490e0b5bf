import * as vscode from 'vscode';

/** The part of the built-in git extension's API (`vscode.git`, `getAPI(1)`) that Mutant Lens uses. */
export interface GitApi {
  readonly git: { readonly path: string };
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
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
const OPEN_REPOSITORY_MS = 5_000;
const LISTED_MS = 3_000;

/**
 * The git extension's API once it is active and has scanned the workspace, or undefined when it
 * is missing, disabled (`git.enabled: false`) or fails. Only called in a trusted workspace (the
 * git extension itself does not run in Restricted Mode).
 */
export async function gitExtensionApi(say: (problem: string) => void): Promise<GitApi | undefined> {
  const extension = await gitExtension();
  if (extension === undefined) return undefined;
  try {
    const exports = await activated(extension);
    if (!exports.enabled) return undefined;
    const api = exports.getAPI(1);
    await initialized(api);
    return api;
  } catch (error) {
    say(`The git extension's API is not available (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/**
 * The git extension, if installed and enabled. Right after trust is granted it is not yet listed
 * (it does not run in Restricted Mode, and the extension host learns that it may a moment later):
 * then it is looked for again after the next change of the extensions (bounded).
 */
async function gitExtension(): Promise<vscode.Extension<GitExtensionExports> | undefined> {
  const now = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  if (now !== undefined) return now;
  await nextExtensionsChange(LISTED_MS);
  return vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
}

/**
 * The git extension's exports. Right after trust is granted it may still be disabled for a moment
 * (it does not run in Restricted Mode): then it is tried once more after the next change of the
 * extensions (bounded).
 */
async function activated(extension: vscode.Extension<GitExtensionExports>): Promise<GitExtensionExports> {
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch {
    await nextExtensionsChange(INITIALIZE_MS);
    return extension.isActive ? extension.exports : await extension.activate();
  }
}

function nextExtensionsChange(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const listener = vscode.extensions.onDidChange(done);
  });
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

/**
 * The git extension's repository of `folder`, waiting (bounded) for it to be opened: after trust
 * is granted the git extension may open it a little after it says it is initialized. Undefined
 * when it does not open it (a repository in a parent folder it was told not to open, for one).
 */
export function repositoryOf(api: GitApi, folder: string): Promise<GitRepository | undefined> {
  const uri = vscode.Uri.file(folder);
  const now = api.getRepository(uri);
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(api.getRepository(uri) ?? undefined);
    };
    const timer = setTimeout(done, OPEN_REPOSITORY_MS);
    const listener = api.onDidOpenRepository(() => {
      if (api.getRepository(uri) !== null) done();
    });
  });
}
