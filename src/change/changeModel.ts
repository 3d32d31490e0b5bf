import * as vscode from 'vscode';
import { baseSurvivorKeys, mutantKey, newSinceBase } from '../core/change/baseMatch';
import { touchesChangedLine } from '../core/change/changeMutants';
import { addScores, type PatchScore } from '../core/change/patchScore';
import { changeSummary, undetectedChangeMutants, type ChangedFileSummary, type ChangeSummary } from '../core/change/summary';
import type { LineVerdict, RangedMutant } from '../core/change/verdicts';
import { normaliseKey } from '../core/mutation/report/resolveKeys';
import type { ShownMutantDetail } from '../core/mutation/shown';
import type { CoverageFeature } from '../coverage/coverageFeature';
import type { MutationFeature } from '../mutation/mutationFeature';
import type { ChangeBases } from './changeBases';

/** A mutant of a changed file with what the change knows about it. */
export interface ChangeMutant extends RangedMutant {
  readonly detail: ShownMutantDetail;
  readonly newSinceBase: boolean | undefined;
  /** The base's name when `newSinceBase` is known. */
  readonly baseLabel: string | undefined;
}

const EMPTY: ChangeSummary<ChangeMutant> = changeSummary([]);

/** The change's mutants, scores and line verdicts, recomputed when mutants, coverage, changed lines or bases change. */
export class ChangeModel implements vscode.Disposable {
  private summary = EMPTY;
  private byKey = new Map<string, ChangeMutant>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly mutations: MutationFeature,
    private readonly coverage: CoverageFeature,
    private readonly bases: ChangeBases,
  ) {
    this.subscriptions = [mutations.onDidChange(() => this.recompute()), coverage.onDidChange(() => this.recompute()), bases.onDidChange(() => this.recompute())];
  }

  recompute(): void {
    this.bases.foldersChanged();
    const inputs = [...this.coverage.changedLines()].map(([path, changed]) => {
      const { mutants, baseKnown } = this.mutantsOf(path);
      return { path, changed, coverage: this.coverage.coverageOf(path), mutants, baseKnown };
    });
    this.summary = changeSummary(inputs);
    this.byKey = new Map();
    for (const file of this.summary.files.values()) for (const mutant of file.mutants) this.byKey.set(keyOf(file.path, mutant.detail), mutant);
    this.emitter.fire();
  }

  private mutantsOf(path: string): { mutants: ChangeMutant[]; baseKnown: boolean } {
    const every = this.mutations.everyMutantIn(path);
    const text = this.mutations.currentTextOf(path);
    const keysByReport = new Map<string, { keys: ReadonlySet<string>; label: string } | undefined>();
    for (const detail of every) {
      if (keysByReport.has(detail.report.path)) continue;
      const base = this.bases.baseOf(detail.report.path);
      keysByReport.set(detail.report.path, base === undefined || text === undefined ? undefined : { keys: baseSurvivorKeys(base.index.get(normaliseKey(detail.file.key)), text), label: base.label });
    }
    const mutants = every.map((detail) => {
      const base = keysByReport.get(detail.report.path);
      const plain = { range: detail.range, status: detail.mutant.status, stale: detail.stale, mutatorName: detail.mutant.mutatorName, replacement: detail.mutant.replacement };
      return { range: detail.range, status: detail.mutant.status, stale: detail.stale, detail, newSinceBase: newSinceBase(plain, base?.keys), baseLabel: base?.label };
    });
    return { mutants, baseKnown: every.length > 0 && [...keysByReport.values()].every((base) => base !== undefined) };
  }

  /** The whole change, or one file of it (a file without changes scores zeros). */
  score(path?: string): PatchScore {
    if (path === undefined) return this.summary.total;
    return this.summary.files.get(path)?.score ?? addScores([]);
  }

  file(path: string): ChangedFileSummary<ChangeMutant> | undefined {
    return this.summary.files.get(path);
  }

  verdicts(path: string): readonly LineVerdict[] {
    return this.summary.files.get(path)?.verdicts ?? [];
  }

  /** What the change knows about a shown mutant; undefined when it is not on a changed line. */
  about(path: string, shown: ShownMutantDetail): ChangeMutant | undefined {
    return this.byKey.get(keyOf(path, shown));
  }

  onChangedLine(path: string, shown: ShownMutantDetail): boolean {
    return touchesChangedLine(shown.range, this.coverage.changedLines().get(path));
  }

  undetected(): Array<{ path: string; mutant: ChangeMutant }> {
    return undetectedChangeMutants(this.summary);
  }

  /** Thresholds of the first report with a change mutant. */
  thresholds(): { high: number; low: number } | undefined {
    for (const file of this.summary.files.values()) for (const mutant of file.mutants) return mutant.detail.report.thresholds;
    return undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.emitter.dispose();
  }
}

function keyOf(path: string, shown: ShownMutantDetail): string {
  return `${path}\n${shown.report.path}\n${shown.mutant.id}\n${mutantKey(shown.range, shown.mutant.mutatorName, shown.mutant.replacement)}`;
}
