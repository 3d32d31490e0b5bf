import * as vscode from 'vscode';
import { hoverSections } from '../core/mutation/hover/hoverMarkdown';
import { COMMAND_DISABLE_MUTANT, COMMAND_OPEN_MUTANT_DIFF, COMMAND_RERUN_FILE } from '../core/mutation/hover/links';
import { pickHoverMutants } from '../core/mutation/hover/pick';
import type { MutantQuery } from '../core/mutation/shown';
import { registerMutantCodeActions } from './codeActions';
import { toVsRange } from '../shared/convert';
import type { Log } from '../shared/log';
import { registerMutantDiffView } from './mutantDiffView';

export interface MutantHoverDeps {
  readonly mutantQuery: MutantQuery;
  readonly log: Log;
}

/** Only our own commands run from hover links; report text never becomes HTML. */
function trusted(section: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(section, false);
  markdown.isTrusted = { enabledCommands: [COMMAND_OPEN_MUTANT_DIFF, COMMAND_RERUN_FILE, COMMAND_DISABLE_MUTANT] };
  markdown.supportHtml = false;
  return markdown;
}

class MutantHover implements vscode.HoverProvider {
  constructor(private readonly query: MutantQuery) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const pick = pickHoverMutants(this.query.mutantsAt(document.uri.fsPath, position.line), position);
    if (pick === undefined) return undefined;
    const rerun = (await vscode.commands.getCommands(true)).includes(COMMAND_RERUN_FILE);
    const sections = hoverSections(pick.mutants, { rerunArgs: rerun ? [document.uri] : undefined });
    return new vscode.Hover(sections.map(trusted), toVsRange(pick.range));
  }
}

/** Mutant hovers, the mutant diff view, and the code actions with their commands. */
export function registerMutantHover(context: vscode.ExtensionContext, deps: MutantHoverDeps): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ scheme: 'file' }, new MutantHover(deps.mutantQuery)));
  registerMutantDiffView(context, deps);
  registerMutantCodeActions(context, deps);
}
