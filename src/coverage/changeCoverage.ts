import * as vscode from 'vscode';
import { moveCoverage } from '../core/coverage/followEdits';
import type { LcovFile } from '../core/coverage/lcov';
import { coverChangedLines, patchCoverage, type FileChangeCoverage, type PatchCoverage } from '../core/coverage/uncoveredChanged';
import type { ChangedLinesService } from './changedLinesService';
import { CoverageBaselines } from './coverageBaselines';
import type { CoverageService } from './coverageService';

export interface FileLines {
  readonly uncovered: readonly number[];
  readonly partial: readonly number[];
  readonly covered: readonly number[];
}

const NONE: FileLines = { uncovered: [], partial: [], covered: [] };

/** Changed lines joined with coverage, for the whole workspace; recomputed when either side changes. */
export class ChangeCoverage implements vscode.Disposable {
  private byFile = new Map<string, FileChangeCoverage>();
  private totals: PatchCoverage = { covered: 0, total: 0, percent: undefined, filesNotInCoverage: 0 };
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly baselines: CoverageBaselines;
  /** Coverage by absolute path, moved through the edits saved since it was measured. */
  private current: ReadonlyMap<string, LcovFile> = new Map();

  constructor(
    private readonly coverage: CoverageService,
    private readonly changes: ChangedLinesService,
  ) {
    this.baselines = new CoverageBaselines(coverage);
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

  /** Whether the coverage of `file` follows its edits (its measured text is known). */
  followsEdits(file: string): boolean {
    return this.baselines.measuredText(file) !== undefined;
  }

  linesOf(file: string): FileLines {
    const entry = this.byFile.get(file);
    return entry?.kind === 'measured' ? entry : NONE;
  }

  /** Patch coverage of one file, undefined when the file did not change or lcov does not know it. */
  fileTotals(file: string): PatchCoverage | undefined {
    const entry = this.byFile.get(file);
    return entry === undefined || entry.kind !== 'measured' ? undefined : patchCoverage([entry]);
  }

  workspaceTotals(): PatchCoverage {
    return this.totals;
  }

  /** Every uncovered changed line of the workspace: [file, 0-based line]. */
  uncoveredEverywhere(): Array<[string, number]> {
    const result: Array<[string, number]> = [];
    for (const [file, entry] of this.byFile) if (entry.kind === 'measured') for (const line of entry.uncovered) result.push([file, line]);
    return result;
  }

  coverageOf(file: string): LcovFile | undefined {
    return this.current.get(file);
  }

  private recompute(): void {
    this.current = this.movedCoverage();
    const files = coverChangedLines(this.current, this.changes.all());
    this.byFile = new Map(files.map((entry) => [entry.path, entry]));
    this.totals = patchCoverage(files);
    this.emitter.fire();
  }

  /** lcov's coverage, with the files whose saved text differs from the measured one moved. */
  private movedCoverage(): ReadonlyMap<string, LcovFile> {
    const byPath = this.coverage.byPath();
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
