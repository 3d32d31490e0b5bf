import * as vscode from 'vscode';
import { moveCoverage } from '../core/coverage/followEdits';
import type { LcovFile } from '../core/coverage/lcov';
import { CoverageView, type CoverageViewInput, type MarkOptions } from '../core/coverage/lineMarks';
import { coverChangedLines } from '../core/coverage/uncoveredChanged';
import { pathIsInside } from '../core/shared/containment';
import { modifiedAt } from '../core/shared/fileProbe';
import type { ChangedLinesService } from './changedLinesService';
import { CoverageBaselines } from './coverageBaselines';
import type { CoverageService } from './coverageService';

/**
 * The coverage feature's view model (core/coverage/lineMarks' CoverageView, remade when coverage,
 * changed lines, a covered file's saved text or the shown kinds change): every surface reads it.
 */
export class ChangeCoverage implements vscode.Disposable {
  private input: CoverageViewInput;
  private view: CoverageView;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly baselines: CoverageBaselines;

  constructor(
    private readonly coverage: CoverageService,
    private readonly changes: ChangedLinesService,
    options: MarkOptions,
  ) {
    this.input = { files: [], coverage: new Map(), options };
    this.view = new CoverageView(this.input);
    this.baselines = new CoverageBaselines(coverage.store);
    this.subscriptions = [
      this.baselines,
      coverage.onDidChange(() => {
        this.baselines.reset();
        this.recompute();
      }),
      changes.onDidChange(() => this.recompute()),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.baselines.measuredText(document.uri.fsPath) !== undefined) this.recompute();
      }),
    ];
  }

  /** The current snapshot: marks per file, totals, coverage. */
  current(): CoverageView {
    return this.view;
  }

  /** The kinds shown changed (settings): the marks are remade, nothing is recomputed. */
  setOptions(options: MarkOptions): void {
    if (options.showCovered === this.input.options.showCovered && options.showUnchanged === this.input.options.showUnchanged) return;
    this.publish({ ...this.input, options });
  }

  /**
   * Whether the coverage of `file` may be out of date: it has coverage, and the document is dirty,
   * or the file was saved after the lcov file was written and its coverage does not follow edits.
   */
  coverageMayBeOld(file: string, dirty: boolean): boolean {
    const lcovTime = this.coverage.store.lcovTimeOf(file);
    return lcovTime !== undefined && (dirty || (this.baselines.measuredText(file) === undefined && (modifiedAt(file) ?? 0) > lcovTime));
  }

  /** lcov's data of `file` as the marks use it (moved through saved edits), for the change's verdicts. */
  coverageOf(file: string): LcovFile | undefined {
    return this.input.coverage.get(file);
  }

  /** Changed lines are off: the workspace is in Restricted Mode, so no git runs. */
  changedLinesOff(): boolean {
    return this.changes.restricted();
  }

  /** The diff base of the workspace folder holding `file`, when known. */
  baseOf(file: string): string | undefined {
    return this.changes.folderStates().find((state) => pathIsInside(file, state.folder))?.base?.base;
  }

  private recompute(): void {
    const coverage = this.movedCoverage();
    this.publish({ files: coverChangedLines(coverage, this.changes.all()), coverage, options: this.input.options });
  }

  private publish(input: CoverageViewInput): void {
    this.input = input;
    this.view = new CoverageView(input);
    this.emitter.fire();
  }

  /** lcov's coverage, with the files whose saved text differs from the measured one moved. */
  private movedCoverage(): ReadonlyMap<string, LcovFile> {
    const byPath = this.coverage.store.byPath();
    let moved: Map<string, LcovFile> | undefined;
    for (const path of this.baselines.paths()) {
      const file = byPath.get(path);
      const measured = this.baselines.measuredText(path);
      const saved = this.baselines.savedText(path);
      if (file === undefined || measured === undefined || saved === undefined || saved === measured) continue;
      (moved ??= new Map(byPath)).set(path, moveCoverage(file, measured, saved));
    }
    return moved ?? byPath;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}
