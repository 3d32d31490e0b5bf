import * as vscode from 'vscode';
import { formatScore, reportScore, scoreLevel, scoreOf, type ScoreLevel } from '../core/mutation/score';
import type { ReportStore } from '../core/mutation/store/reportStore';

/**
 * The mutation score of the active file and of its report, coloured by the report's thresholds;
 * a warning when a report could not be read. Clicking lists the reports.
 */
export class ScoreStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mutantLens.score', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly store: ReportStore) {
    this.item.name = 'Mutant Lens: Mutation Score';
    this.item.command = 'mutantLens.listReports';
  }

  update(): void {
    const invalid = this.store.all().filter((entry) => entry.status === 'invalid');
    const editor = vscode.window.activeTextEditor;
    const sources = editor?.document.uri.scheme === 'file' ? this.store.filesFor(editor.document.uri.fsPath) : [];
    const first = sources[0];
    if (invalid.length > 0) {
      this.item.text = `$(warning) Mutant Lens: ${invalid.length === 1 ? 'a report is' : `${invalid.length} reports are`} invalid`;
      this.item.tooltip = invalid.map((entry) => `${entry.candidate.path} ${entry.reason ?? ''}`).join('\n');
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.color = undefined;
    } else if (first !== undefined) {
      const fileScore = scoreOf(sources.map((source) => source.file));
      // A first load that has sent only its first files: this file is whole, the report not yet.
      const total = this.store.get(first.report.path)?.partial === true ? 'reading…' : formatScore(reportScore(first.report));
      this.item.text = `$(beaker) ${formatScore(fileScore)} · report ${total}`;
      this.item.tooltip = `Mutation score of this file: ${formatScore(fileScore)}\nMutation score of ${first.report.path}: ${total}\nThresholds: high ${first.report.thresholds.high}, low ${first.report.thresholds.low}`;
      this.colour(scoreLevel(fileScore, first.report.thresholds));
    } else if (this.store.all().length > 0) {
      this.item.text = '$(beaker) Mutant Lens';
      this.item.tooltip = 'No mutation report covers this file. Click to list the reports.';
      this.colour('none');
    } else {
      this.item.hide();
      return;
    }
    this.item.show();
  }

  private colour(level: ScoreLevel): void {
    this.item.backgroundColor = level === 'low' ? new vscode.ThemeColor('statusBarItem.errorBackground') : level === 'medium' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.color = level === 'high' ? new vscode.ThemeColor('mutantLens.scoreHighForeground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
