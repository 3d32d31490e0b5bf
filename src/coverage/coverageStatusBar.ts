import * as path from 'node:path';
import * as vscode from 'vscode';
import { patchCoverageText } from '../core/coverage/hover';
import { NO_LINE_RECORDS, NO_LINE_RECORDS_STATUS } from '../core/coverage/summaryOnly';
import type { CoverageFileState } from './coverageService';
import { RESTRICTED_REASON, RESTRICTED_STATUS, type ChangedLinesService } from './changedLinesService';
import type { ChangeCoverage } from './changeCoverage';

/** What another feature adds to the item: the text after the lines, tooltip lines, a colour and the click. */
export interface StatusExtension {
  readonly text: string;
  readonly tooltip: readonly string[];
  readonly background: vscode.ThemeColor | undefined;
  readonly command: string;
  /** True while the extension's numbers are not known yet (a first report load in flight). */
  readonly reading?: boolean;
}

/** Shown instead of numbers that are not known yet: partial numbers would be wrong, not early. */
export const READING_STATUS = '$(sync~spin) Δ reading the change…';

/**
 * Patch coverage of the whole change and of the active file; click lists the uncovered changed
 * lines. Extended by the change feature (`Δ 3/10 lines run · 9/12 mutants caught (75%)`) when
 * the change has mutants.
 */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mutantLens.patchCoverage', vscode.StatusBarAlignment.Left, 49);
  private extension: (() => StatusExtension | undefined) | undefined;

  constructor(
    private readonly lines: ChangeCoverage,
    private readonly changes: ChangedLinesService,
    private readonly coverageReading: () => boolean,
  ) {
    this.item.name = 'Mutant Lens: Patch Coverage';
    this.item.command = 'mutantLens.listUncoveredChangedLines';
  }

  extend(extension: () => StatusExtension | undefined): void {
    this.extension = extension;
  }

  update(coverage: readonly CoverageFileState[]): void {
    if (this.showSummaryOnly(coverage)) return;
    const hasCoverage = coverage.length > 0;
    if (hasCoverage && this.changes.restricted()) return this.showRestricted();
    const problems = this.changes.folderStates().filter((state) => state.problem !== undefined);
    const extension = this.extension?.();
    if (!hasCoverage && problems.length === 0 && extension === undefined) return this.item.hide();
    if (this.coverageReading() || this.changes.reading() || extension?.reading === true) return this.showReading();
    this.item.command = extension?.command ?? 'mutantLens.listUncoveredChangedLines';
    const view = this.lines.current();
    const totals = view.totals;
    const editor = vscode.window.activeTextEditor;
    const file = editor === undefined ? undefined : view.fileTotals(editor.document.uri.fsPath);
    if (problems.length > 0 && totals.total === 0) {
      this.item.text = '$(warning) Δ changed lines unknown';
      this.item.tooltip = problems.map((p) => p.problem).join('\n');
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (extension !== undefined) {
      const lines = totals.total === 0 ? 'Δ no changed code lines' : `Δ ${totals.covered}/${totals.total} lines run`;
      this.item.text = `$(git-compare) ${lines} · ${extension.text}`;
      const bases = this.changes.folderStates().map((s) => (s.base === undefined ? `${path.basename(s.folder)}: ${s.problem ?? ''}` : `${path.basename(s.folder)}: against ${s.base.base}`));
      const fileLine = file === undefined ? [] : [`This file: ${file.covered}/${file.total} changed lines ran`];
      this.item.tooltip = [`Changed lines that ran in a test (lcov.info): ${totals.covered}/${totals.total}`, ...fileLine, ...extension.tooltip, ...bases].join('\n');
      this.item.backgroundColor = extension.background;
    } else {
      this.item.text = `$(git-compare) ${patchCoverageText(totals.covered, totals.total)}${file === undefined ? '' : ` · file ${file.covered}/${file.total}`}`;
      const bases = this.changes.folderStates().map((s) => (s.base === undefined ? `${path.basename(s.folder)}: ${s.problem ?? ''}` : `${path.basename(s.folder)}: against ${s.base.base}`));
      this.item.tooltip = [`Changed lines that ran in a test, from lcov.info`, ...bases, 'Click to list the changed lines that never ran.'].join('\n');
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  /** Every lcov file read has totals only: nothing can be marked, and the item says why. */
  private showSummaryOnly(coverage: readonly CoverageFileState[]): boolean {
    const summaryOnly = coverage.filter((state) => state.reason === NO_LINE_RECORDS);
    if (summaryOnly.length === 0 || coverage.some((state) => state.report !== undefined)) return false;
    this.item.text = NO_LINE_RECORDS_STATUS;
    this.item.tooltip = summaryOnly.map((state) => `${state.path} ${NO_LINE_RECORDS}.`).join('\n');
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
    return true;
  }

  private showReading(): void {
    this.item.text = READING_STATUS;
    this.item.tooltip = 'Mutant Lens is reading the coverage, the changed lines and the mutation reports of the change.';
    this.item.backgroundColor = undefined;
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
