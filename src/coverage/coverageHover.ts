import * as vscode from 'vscode';
import { coverageHoverLines, hitsOn } from '../core/coverage/hover';
import { RESTRICTED_REASON } from './changedLinesService';
import type { ChangeCoverage } from './changeCoverage';

/** Hover on a marked line: that it changed and did not run, hits, untaken branches, staleness. */
export function registerCoverageHover(lines: ChangeCoverage): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: 'file' }, {
    provideHover(document, position) {
      const file = document.uri.fsPath;
      const view = lines.current();
      const restricted = lines.changedLinesOff();
      // In Restricted Mode every line that never ran explains why changed lines are off.
      const kind = view.markAt(file, position.line) ?? (restricted && hitsOn(view.coverageOf(file), position.line) === 0 ? 'unchanged' : undefined);
      if (kind === undefined) return undefined;
      const text = coverageHoverLines({
        kind,
        line: position.line,
        coverage: view.coverageOf(file),
        coverageMayBeOld: lines.coverageMayBeOld(file, document.isDirty),
        base: lines.baseOf(file),
        changedLinesOff: restricted ? RESTRICTED_REASON : undefined,
      });
      const markdown = new vscode.MarkdownString();
      markdown.appendMarkdown('**Mutant Lens: coverage**\n\n');
      for (const line of text) markdown.appendText(line).appendMarkdown('\n\n');
      return new vscode.Hover(markdown, document.lineAt(position.line).range);
    },
  });
}
