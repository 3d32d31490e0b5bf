import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { coverageHoverLines, hitsOn, type ChangedLineKind } from '../core/coverage/hover';
import { modifiedAt } from '../core/shared/fileProbe';
import { RESTRICTED_REASON, type ChangedLinesService } from './changedLinesService';
import type { ChangeCoverage } from './changeCoverage';
import type { CoverageService } from './coverageService';

/** Hover on a marked line: that it changed and did not run, hits, untaken branches, staleness. */
export function registerCoverageHover(lines: ChangeCoverage, coverage: CoverageService, changes: ChangedLinesService, settings: () => Settings): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: 'file' }, {
    provideHover(document, position) {
      const file = document.uri.fsPath;
      const restricted = changes.restricted();
      const kind = kindOf(lines, file, position.line, settings(), restricted);
      if (kind === undefined) return undefined;
      const lcovTime = coverage.lcovTimeOf(file);
      const text = coverageHoverLines({
        kind,
        line: position.line,
        coverage: lines.coverageOf(file),
        coverageMayBeOld: lcovTime !== undefined && (document.isDirty || (!lines.followsEdits(file) && (modifiedAt(file) ?? 0) > lcovTime)),
        base: changes.folderStates().find((state) => file.startsWith(state.folder))?.base?.base,
        changedLinesOff: restricted ? RESTRICTED_REASON : undefined,
      });
      const markdown = new vscode.MarkdownString();
      markdown.appendMarkdown('**Mutant Lens: coverage**\n\n');
      for (const line of text) markdown.appendText(line).appendMarkdown('\n\n');
      return new vscode.Hover(markdown, document.lineAt(position.line).range);
    },
  });
}

/** The kind of mark on a line; in Restricted Mode every line that never ran explains why changed lines are off. */
function kindOf(lines: ChangeCoverage, file: string, line: number, settings: Settings, restricted: boolean): ChangedLineKind | undefined {
  const changed = lines.linesOf(file);
  if (changed.uncovered.includes(line)) return 'uncovered';
  if (changed.partial.includes(line)) return 'partial';
  if (settings.showCoveredChangedLines && changed.covered.includes(line)) return 'covered';
  if ((restricted || settings.showAllUncoveredLines) && hitsOn(lines.coverageOf(file), line) === 0) return 'unchanged';
  return undefined;
}
