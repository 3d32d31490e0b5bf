import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import type { ChangeCoverage } from './changeCoverage';

type Kind = 'uncovered' | 'partial' | 'covered' | 'allUncovered';
const KINDS: readonly Kind[] = ['uncovered', 'partial', 'covered', 'allUncovered'];

/**
 * Changed lines that never ran: a whole-line highlight with a bar at the left edge of the text
 * and an overview ruler mark. No gutter icon, so breakpoints and mutant markers stay visible.
 */
export class CoverageDecorations implements vscode.Disposable {
  private readonly types: Record<Kind, vscode.TextEditorDecorationType>;

  constructor(
    private readonly lines: ChangeCoverage,
    private readonly settings: () => Settings,
  ) {
    this.types = {
      uncovered: lineType('mutantLens.uncoveredChangedLineBackground', 'mutantLens.uncoveredChangedLineBorder', 'solid', true),
      partial: lineType('mutantLens.partialChangedLineBackground', 'mutantLens.partialChangedLineBorder', 'dashed', true),
      covered: lineType(undefined, 'mutantLens.coveredChangedLineBorder', 'solid', false),
      allUncovered: lineType(undefined, 'mutantLens.uncoveredLineBorder', 'dotted', false),
    };
  }

  refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.scheme === 'file') this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    const file = editor.document.uri.fsPath;
    const settings = this.settings();
    const changed = this.lines.linesOf(file);
    const shown: Record<Kind, readonly number[]> = {
      uncovered: changed.uncovered,
      partial: changed.partial,
      covered: settings.showCoveredChangedLines ? changed.covered : [],
      allUncovered: settings.showAllUncoveredLines ? otherUncovered(this.lines, file, changed.uncovered) : [],
    };
    for (const kind of KINDS) editor.setDecorations(this.types[kind], shown[kind].map((line) => new vscode.Range(line, 0, line, 0)));
  }

  dispose(): void {
    for (const kind of KINDS) this.types[kind].dispose();
  }
}

function otherUncovered(lines: ChangeCoverage, file: string, changed: readonly number[]): number[] {
  const coverage = lines.coverageOf(file);
  if (coverage === undefined) return [];
  const skip = new Set(changed);
  const result: number[] = [];
  coverage.lines.forEach((line, index) => {
    if (coverage.hits[index] === 0 && !skip.has(line)) result.push(line);
  });
  return result;
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
