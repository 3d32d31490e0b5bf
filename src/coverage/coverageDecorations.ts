import * as vscode from 'vscode';
import type { LineMarkKind } from '../core/coverage/lineMarks';
import type { ChangeCoverage } from './changeCoverage';

const KINDS: readonly LineMarkKind[] = ['uncovered', 'partial', 'covered', 'unchanged'];

/**
 * Changed lines that never ran: a whole-line highlight with a bar at the left edge of the text
 * and an overview ruler mark. No gutter icon, so breakpoints and mutant markers stay visible.
 */
export class CoverageDecorations implements vscode.Disposable {
  private readonly types: Record<LineMarkKind, vscode.TextEditorDecorationType>;

  constructor(private readonly lines: ChangeCoverage) {
    this.types = {
      uncovered: lineType('mutantLens.uncoveredChangedLineBackground', 'mutantLens.uncoveredChangedLineBorder', 'solid', true),
      partial: lineType('mutantLens.partialChangedLineBackground', 'mutantLens.partialChangedLineBorder', 'dashed', true),
      covered: lineType(undefined, 'mutantLens.coveredChangedLineBorder', 'solid', false),
      unchanged: lineType(undefined, 'mutantLens.uncoveredLineBorder', 'dotted', false),
    };
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.scheme === 'file') this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    const marks = this.lines.current().shownMarksOf(editor.document.uri.fsPath);
    for (const kind of KINDS) editor.setDecorations(this.types[kind], marks[kind].map((line) => new vscode.Range(line, 0, line, 0)));
  }

  dispose(): void {
    for (const kind of KINDS) this.types[kind].dispose();
  }
}

function lineType(background: string | undefined, border: string, style: string, ruler: boolean): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: background === undefined ? undefined : new vscode.ThemeColor(background),
    borderColor: new vscode.ThemeColor(border),
    borderStyle: style,
    borderWidth: '0 0 0 3px',
    overviewRulerColor: ruler ? new vscode.ThemeColor(border) : undefined,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
}
