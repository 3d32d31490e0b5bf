import * as vscode from 'vscode';
import type { Settings } from '../shared/config';
import { boundMarks, leftOutMessage, MAX_MARKS_PER_FILE, type BoundedMarks } from '../core/shared/marks';
import type { Log } from '../shared/log';
import type { ChangeCoverage } from './changeCoverage';

type Kind = 'uncovered' | 'partial' | 'covered' | 'allUncovered';
const KINDS: readonly Kind[] = ['uncovered', 'partial', 'covered', 'allUncovered'];

/**
 * Changed lines that never ran: a whole-line highlight with a bar at the left edge of the text
 * and an overview ruler mark. No gutter icon, so breakpoints and mutant markers stay visible.
 */
export class CoverageDecorations implements vscode.Disposable {
  private readonly types: Record<Kind, vscode.TextEditorDecorationType>;
  private readonly saidLeftOut = new Map<string, string>();

  constructor(
    private readonly lines: ChangeCoverage,
    private readonly settings: () => Settings,
    private readonly log: Log,
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
    const lineCount = editor.document.lineCount;
    // Bounded per file (core/shared/marks): lines past the end of the document dropped, at most MAX_MARKS_PER_FILE of each kind.
    const shown: Record<Kind, BoundedMarks<number>> = {
      uncovered: boundMarks(changed.uncovered, (line) => line, lineCount),
      partial: boundMarks(changed.partial, (line) => line, lineCount),
      covered: boundMarks(settings.showCoveredChangedLines ? changed.covered : [], (line) => line, lineCount),
      allUncovered: settings.showAllUncoveredLines ? otherUncovered(this.lines, file, changed.uncovered, lineCount) : boundMarks([], (line) => line, lineCount),
    };
    const leftOut = { pastEnd: 0, overLimit: 0 };
    for (const kind of KINDS) {
      const bounded = shown[kind];
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

/** Lines that never ran and did not change, bounded as boundMarks does, without a list of every such line first. */
function otherUncovered(lines: ChangeCoverage, file: string, changed: readonly number[], lineCount: number): BoundedMarks<number> {
  const kept: number[] = [];
  let pastEnd = 0;
  let overLimit = 0;
  const coverage = lines.coverageOf(file);
  if (coverage === undefined) return { kept, pastEnd, overLimit };
  const skip = new Set(changed);
  for (let index = 0; index < coverage.lines.length; index++) {
    const line = coverage.lines[index] as number;
    if (coverage.hits[index] !== 0 || skip.has(line)) continue;
    if (line >= lineCount) pastEnd++;
    else if (kept.length < MAX_MARKS_PER_FILE) kept.push(line);
    else overLimit++;
  }
  return { kept, pastEnd, overLimit };
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
