import * as vscode from 'vscode';
import { hoverSections } from '../core/mutation/hover/hoverMarkdown';
import { COMMAND_DISABLE_MUTANT, COMMAND_OPEN_MUTANT_DIFF, COMMAND_RERUN_FILE } from '../core/mutation/hover/links';
import { pickHoverMutants } from '../core/mutation/hover/pick';
import type { MutantQuery } from '../core/mutation/shown';
import { toVsRange } from '../shared/convert';

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

/** The mutant hover (the diff view and the code actions register themselves in their own files). */
export function registerMutantHover(query: MutantQuery): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: 'file' }, new MutantHover(query));
}
