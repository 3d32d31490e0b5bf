import * as vscode from 'vscode';
import type { MutantQuery, ShownMutantDetail } from '../core/mutation/shown';
import { toVsRange } from '../shared/convert';
import type { MutantScope } from './mutantScope';

type Marker = 'survived' | 'noCoverage' | 'other';

/** Gutter markers (one per line, the most severe status wins) and range highlights. Types are created once. */
export class MutantDecorations implements vscode.Disposable {
  private readonly gutter: Record<Marker, vscode.TextEditorDecorationType>;
  private readonly highlight: Record<Marker, vscode.TextEditorDecorationType>;
  private readonly stale: vscode.TextEditorDecorationType;
  private visible = true;

  constructor(
    media: vscode.Uri,
    private readonly query: MutantQuery,
    private readonly scope: MutantScope,
  ) {
    const icon = (name: string): vscode.Uri => vscode.Uri.joinPath(media, `${name}.svg`);
    const gutter = (name: string, ruler: string): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: icon(name),
        gutterIconSize: 'contain',
        overviewRulerColor: new vscode.ThemeColor(ruler),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        light: { gutterIconPath: icon(`${name}-light`) },
      });
    this.gutter = {
      survived: gutter('survived', 'mutantLens.survivedForeground'),
      noCoverage: gutter('nocoverage', 'mutantLens.noCoverageForeground'),
      other: gutter('other', 'mutantLens.otherForeground'),
    };
    this.highlight = {
      survived: range('mutantLens.survivedBackground', 'mutantLens.survivedBorder'),
      noCoverage: range('mutantLens.noCoverageBackground', 'mutantLens.noCoverageBorder'),
      other: range('mutantLens.otherBackground', 'mutantLens.otherBorder'),
    };
    this.stale = vscode.window.createTextEditorDecorationType({ opacity: '0.6', borderStyle: 'dashed', borderWidth: '0 0 1px 0', borderColor: new vscode.ThemeColor('mutantLens.staleBorder') });
  }

  toggle(): boolean {
    this.visible = !this.visible;
    this.refresh();
    return this.visible;
  }

  /** Redraws the visible editors showing any of these files (all visible editors when omitted). */
  refresh(files?: ReadonlySet<string>): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme !== 'file') continue;
      if (files === undefined || files.has(editor.document.uri.fsPath)) this.draw(editor);
    }
  }

  private draw(editor: vscode.TextEditor): void {
    const file = editor.document.uri.fsPath;
    const mutants = this.visible ? this.scope.shownOf(file, this.query.mutantsIn(file)) : [];
    const glyphElsewhere = this.scope.glyphLines(file);
    const highlights: Record<Marker, vscode.Range[]> = { survived: [], noCoverage: [], other: [] };
    const stale: vscode.Range[] = [];
    const lineMarker = new Map<number, Marker>();
    for (const shown of mutants) {
      const marker = markerOf(shown);
      (shown.stale ? stale : highlights[marker]).push(toVsRange(shown.range));
      const line = shown.range.start.line;
      const before = lineMarker.get(line);
      if (before === undefined || RANK[marker] < RANK[before]) lineMarker.set(line, marker);
    }
    const gutters: Record<Marker, vscode.Range[]> = { survived: [], noCoverage: [], other: [] };
    for (const [line, marker] of lineMarker) if (!glyphElsewhere.has(line)) gutters[marker].push(new vscode.Range(line, 0, line, 0));
    for (const marker of MARKERS) {
      editor.setDecorations(this.gutter[marker], gutters[marker]);
      editor.setDecorations(this.highlight[marker], highlights[marker]);
    }
    editor.setDecorations(this.stale, stale);
  }

  dispose(): void {
    for (const marker of MARKERS) {
      this.gutter[marker].dispose();
      this.highlight[marker].dispose();
    }
    this.stale.dispose();
  }
}

const MARKERS: readonly Marker[] = ['survived', 'noCoverage', 'other'];
const RANK: Record<Marker, number> = { survived: 0, noCoverage: 1, other: 2 };

function markerOf(shown: ShownMutantDetail): Marker {
  if (shown.mutant.status === 'Survived') return 'survived';
  return shown.mutant.status === 'NoCoverage' ? 'noCoverage' : 'other';
}

function range(background: string, border: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(background),
    borderColor: new vscode.ThemeColor(border),
    borderStyle: 'solid',
    borderWidth: '0 0 1px 0',
  });
}
