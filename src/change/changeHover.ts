import * as vscode from 'vscode';
import { changeHoverMarkdown, COMMAND_OPEN_TEST } from '../core/change/hoverText';
import { testsOfMutant } from '../core/change/tests';
import { pickHoverMutants } from '../core/mutation/hover/pick';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import { toVsRange } from '../shared/convert';
import type { ChangeModel } from './changeModel';

/** Beside the mutant hover: `new since <base>` for a survivor on a changed line, and the tests that cover or kill each mutant. */
class ChangeHover implements vscode.HoverProvider {
  constructor(
    private readonly query: MutantQuery,
    private readonly model: ChangeModel,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const path = document.uri.fsPath;
    const pick = pickHoverMutants(this.query.mutantsAt(path, position.line), position);
    if (pick === undefined) return undefined;
    const sections = pick.mutants.map((shown) => sectionOf(path, shown, this.model)).filter((section): section is string => section !== undefined);
    return sections.length === 0 ? undefined : new vscode.Hover(sections.map(trusted), toVsRange(pick.range));
  }
}

/** Undefined when there is nothing to say: no verdict against a base, and a report without test data for it (mutmut, cargo-mutants). */
export function sectionOf(path: string, shown: ShownMutantDetail, model: ChangeModel): string | undefined {
  const about = model.about(path, shown);
  if (about?.newSinceBase === undefined && shown.mutant.coveredBy === undefined && shown.mutant.killedBy === undefined) return undefined;
  return changeHoverMarkdown({
    title: `Tests of ${shown.mutant.mutatorName}${shown.mutant.replacement === undefined ? '' : ` → ${shown.mutant.replacement}`}`,
    newSinceBase: about?.newSinceBase,
    baseLabel: about?.baseLabel,
    tests: testsOfMutant(shown.mutant, shown.report),
  });
}

/** Only our own command runs from these links; report text never becomes HTML. */
function trusted(section: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(section, false);
  markdown.isTrusted = { enabledCommands: [COMMAND_OPEN_TEST] };
  markdown.supportHtml = false;
  return markdown;
}

export function registerChangeHover(query: MutantQuery, model: ChangeModel): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: 'file' }, new ChangeHover(query, model));
}
