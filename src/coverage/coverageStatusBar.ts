import * as path from 'node:path';
import * as vscode from 'vscode';
import { patchCoverageText } from '../core/coverage/hover';
import { RESTRICTED_REASON, RESTRICTED_STATUS, type ChangedLinesService } from './changedLinesService';
import type { ChangeCoverage } from './changeCoverage';

/** Patch coverage of the whole change and of the active file; click lists the uncovered changed lines. */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mutantLens.patchCoverage', vscode.StatusBarAlignment.Left, 49);

  constructor(
    private readonly lines: ChangeCoverage,
    private readonly changes: ChangedLinesService,
  ) {
    this.item.name = 'Mutant Lens: Patch Coverage';
    this.item.command = 'mutantLens.listUncoveredChangedLines';
  }

  update(hasCoverage: boolean): void {
    if (hasCoverage && this.changes.restricted()) return this.showRestricted();
    const problems = this.changes.folderStates().filter((state) => state.problem !== undefined);
    if (!hasCoverage && problems.length === 0) return this.item.hide();
    this.item.command = 'mutantLens.listUncoveredChangedLines';
    const totals = this.lines.workspaceTotals();
    const editor = vscode.window.activeTextEditor;
    const file = editor === undefined ? undefined : this.lines.fileTotals(editor.document.uri.fsPath);
    if (problems.length > 0 && totals.total === 0) {
      this.item.text = '$(warning) Δ changed lines unknown';
      this.item.tooltip = problems.map((p) => p.problem).join('\n');
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(git-compare) ${patchCoverageText(totals.covered, totals.total)}${file === undefined ? '' : ` · file ${file.covered}/${file.total}`}`;
      const bases = this.changes.folderStates().map((s) => (s.base === undefined ? `${path.basename(s.folder)}: ${s.problem ?? ''}` : `${path.basename(s.folder)}: against ${s.base.base}`));
      this.item.tooltip = [`Changed lines that ran in a test, from lcov.info`, ...bases, 'Click to list the changed lines that never ran.'].join('\n');
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  /** Restricted Mode: no git runs, so changed lines are off; says why. */
  private showRestricted(): void {
    this.item.text = RESTRICTED_STATUS;
    this.item.tooltip = RESTRICTED_REASON;
    this.item.backgroundColor = undefined;
    this.item.command = undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
