import * as vscode from 'vscode';
import type { LineMarkKind } from '../core/coverage/lineMarks';
import { boundMarks, leftOutMessage } from '../core/shared/marks';
import type { Log } from '../shared/log';
import type { ChangeCoverage } from './changeCoverage';

const KINDS: readonly LineMarkKind[] = ['uncovered', 'partial', 'covered', 'unchanged'];

/**
 * Changed lines that never ran: a whole-line highlight with a bar at the left edge of the text
 * and an overview ruler mark. No gutter icon, so breakpoints and mutant markers stay visible.
 */
export class CoverageDecorations implements vscode.Disposable {
  private readonly types: Record<LineMarkKind, vscode.TextEditorDecorationType>;
  private readonly saidLeftOut = new Map<string, string>();

  constructor(
    private readonly lines: ChangeCoverage,
    private readonly log: Log,
  ) {
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
    const file = editor.document.uri.fsPath;
    const marks = this.lines.current().shownMarksOf(file);
    const lineCount = editor.document.lineCount;
    // Bounded per file (core/shared/marks): lines past the end of the document dropped, at most MAX_MARKS_PER_FILE of each kind.
    const leftOut = { pastEnd: 0, overLimit: 0 };
    for (const kind of KINDS) {
      const bounded = boundMarks(marks[kind], (line) => line, lineCount);
      leftOut.pastEnd += bounded.pastEnd;
      leftOut.overLimit += bounded.overLimit;
      editor.setDecorations(this.types[kind], bounded.kept.map((line) => new vscode.Range(line, 0, line, 0)));
    }
    this.sayLeftOut(file, leftOut);
  }

  /** One log line per file and count of marks left out. */
  private sayLeftOut(file: string, leftOut: { pastEnd: number; overLimit: number }): void {
    const message = leftOutMessage('coverage marks', file, leftOut);
    if (message === undefined || this.saidLeftOut.get(file) === message) return;
    this.saidLeftOut.set(file, message);
    this.log.warn(message);
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
