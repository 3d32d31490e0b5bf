import * as vscode from 'vscode';
import { decodeDiffQuery, diffDocumentText, diffTitle, encodeDiffQuery, findMutant, type DiffSide } from '../core/mutation/hover/diffView';
import { COMMAND_OPEN_MUTANT_DIFF, isMutantRef, type MutantRef } from '../core/mutation/hover/links';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import type { Log } from '../shared/log';

/** The scheme of the read-only documents on both sides of a mutant diff. */
export const DIFF_SCHEME = 'mutant-lens';

const GONE = 'This mutant is no longer in the loaded mutation reports.\n';

export interface MutantCommandDeps {
  readonly mutantQuery: MutantQuery;
  readonly log: Log;
}

/** The shown mutant a command argument names; logs and warns when it is gone or malformed. */
export function resolveMutant(deps: MutantCommandDeps, arg: unknown): ShownMutantDetail | undefined {
  const found = isMutantRef(arg) ? findMutant(deps.mutantQuery.mutantsIn(arg.path), arg) : undefined;
  if (found === undefined) {
    deps.log.warn(`Mutant not found for command argument ${JSON.stringify(arg)}`);
    void vscode.window.showWarningMessage('Mutant Lens: this mutant is no longer shown (the report may have changed).');
  }
  return found;
}

function sideUri(ref: MutantRef, side: DiffSide): vscode.Uri {
  return vscode.Uri.file(ref.path).with({ scheme: DIFF_SCHEME, query: encodeDiffQuery({ ref, side }) });
}

class DiffDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly query: MutantQuery) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = decodeDiffQuery(uri.query);
    const detail = key === undefined ? undefined : findMutant(this.query.mutantsIn(key.ref.path), key.ref);
    return key === undefined || detail === undefined ? GONE : diffDocumentText(detail, key.side);
  }
}

/** Opens the diff editor between the report's source and the source with the mutant applied. */
export async function openMutantDiff(detail: ShownMutantDetail): Promise<void> {
  const ref: MutantRef = { path: detail.file.path, report: detail.report.path, id: detail.mutant.id };
  await vscode.commands.executeCommand('vscode.diff', sideUri(ref, 'original'), sideUri(ref, 'mutated'), diffTitle(detail), {
    preview: true,
  });
}

/** The `mutant-lens:` documents and the `mutantLens.openMutantDiff` command (argument: a MutantRef). */
export function registerMutantDiffView(context: vscode.ExtensionContext, deps: MutantCommandDeps): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, new DiffDocuments(deps.mutantQuery)),
    vscode.commands.registerCommand(COMMAND_OPEN_MUTANT_DIFF, async (arg: unknown) => {
      const detail = resolveMutant(deps, arg);
      if (detail !== undefined) await openMutantDiff(detail);
    }),
  );
}
