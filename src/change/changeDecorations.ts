import * as vscode from 'vscode';
import { VERDICTS, type Verdict } from '../core/change/verdicts';
import type { Settings } from '../shared/config';
import type { ChangeModel } from './changeModel';

const COLOUR: Record<Verdict, string> = {
  'not-run': 'mutantLens.verdict.notRun',
  'not-checked': 'mutantLens.verdict.notChecked',
  checked: 'mutantLens.verdict.checked',
  ran: 'mutantLens.verdict.ran',
};

const KIND_SUFFIX: Record<vscode.ColorThemeKind, string> = {
  [vscode.ColorThemeKind.Dark]: 'dark',
  [vscode.ColorThemeKind.Light]: 'light',
  [vscode.ColorThemeKind.HighContrast]: 'hc',
  [vscode.ColorThemeKind.HighContrastLight]: 'hclight',
};

/**
 * One glyph per changed line for its verdict: a narrow bar at the right edge of the glyph margin
 * (a breakpoint's dot in the middle stays visible), drawn in the colours of the theme kind (dark,
 * light, high contrast, high contrast light), and an overview ruler mark in the contributed theme
 * colour. Types are rebuilt only when the theme kind changes.
 */
export class ChangeDecorations implements vscode.Disposable {
  private types: Record<Verdict, vscode.TextEditorDecorationType>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly media: vscode.Uri,
    private readonly model: ChangeModel,
    private readonly settings: () => Settings,
  ) {
    this.types = this.createTypes();
    this.subscription = vscode.window.onDidChangeActiveColorTheme(() => {
      this.disposeTypes();
      this.types = this.createTypes();
      this.refresh();
    });
  }

  private createTypes(): Record<Verdict, vscode.TextEditorDecorationType> {
    const kind = KIND_SUFFIX[vscode.window.activeColorTheme.kind];
    const type = (verdict: Verdict): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(this.media, `verdict-${verdict}-${kind}.svg`),
        gutterIconSize: 'contain',
        overviewRulerColor: new vscode.ThemeColor(COLOUR[verdict]),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
    return { 'not-run': type('not-run'), 'not-checked': type('not-checked'), checked: type('checked'), ran: type('ran') };
  }

  refresh(): void {
    const drawn = this.settings().changeVerdicts;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme !== 'file') continue;
      const lines: Record<Verdict, vscode.Range[]> = { 'not-run': [], 'not-checked': [], checked: [], ran: [] };
      for (const { line, verdict } of this.model.verdicts(editor.document.uri.fsPath)) if (drawn.has(verdict)) lines[verdict].push(new vscode.Range(line, 0, line, 0));
      for (const verdict of VERDICTS) editor.setDecorations(this.types[verdict], lines[verdict]);
    }
  }

  private disposeTypes(): void {
    for (const verdict of VERDICTS) this.types[verdict].dispose();
  }

  dispose(): void {
    this.subscription.dispose();
    this.disposeTypes();
  }
}
