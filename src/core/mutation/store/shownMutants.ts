import { placeMutants } from '../remap/placeMutants';
import { MAX_MARKS_PER_FILE } from '../../shared/marks';
import { liveKey } from '../../rerun/liveResults';
import type { ShownMutantDetail } from '../shown';
import type { MutantStatus } from '../../shared/types';
import type { FileInReport } from './reportStore';

/** The mutants of one file as shown now: placed in the current text, filtered by status. */
export interface FileMutants {
  readonly mutants: readonly ShownMutantDetail[];
  /** Mutants left out because their report location is outside the report's own source. */
  readonly outsideSource: number;
  /** Mutants left out because the file already shows `max` (in report order). */
  readonly overLimit: number;
}

/** The mutants of the file's reports with one of `statuses`, at most `max` of them (core/shared/marks), placed in the current text. */
export function showMutants(sources: readonly FileInReport[], currentText: string | undefined, statuses: ReadonlySet<MutantStatus>, max = MAX_MARKS_PER_FILE): FileMutants {
  const mutants: ShownMutantDetail[] = [];
  let outsideSource = 0;
  let room = max;
  let overLimit = 0;
  for (const { file, report } of sources) {
    const all = file.mutants.filter((mutant) => statuses.has(mutant.status));
    const wanted = all.length > room ? all.slice(0, room) : all;
    overLimit += all.length - wanted.length;
    room -= wanted.length;
    const placement = placeMutants(file.source, currentText ?? file.source, wanted);
    outsideSource += placement.outsideSource;
    // Named fields, not a spread: the same object, several times faster on files with thousands of mutants.
    for (const placed of placement.placed) mutants.push({ mutant: placed.mutant, range: placed.range, stale: placed.stale, live: false, file, report });
  }
  mutants.sort(byPosition);
  return { mutants, outsideSource, overLimit };
}

/**
 * Placed mutants (of every status) with the statuses a running rerun has found so far in place of
 * the report's, matched by place, mutator and replacement, flagged `live`; then only those whose
 * status, live or from the report, is among `statuses`. So a survivor the rerun kills disappears,
 * and a mutant it finds surviving appears, before the report is written.
 */
export function withLiveStatuses(placed: readonly ShownMutantDetail[], liveStatus: (key: string) => MutantStatus | undefined, statuses: ReadonlySet<MutantStatus>): ShownMutantDetail[] {
  const result: ShownMutantDetail[] = [];
  for (const detail of placed) {
    const status = liveStatus(liveKey(detail.range, detail.mutant.mutatorName, detail.mutant.replacement));
    if (!statuses.has(status ?? detail.mutant.status)) continue;
    result.push(status === undefined ? detail : { ...detail, mutant: { ...detail.mutant, status }, live: true });
  }
  return result;
}

function byPosition(a: ShownMutantDetail, b: ShownMutantDetail): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character
  );
}

const SURVIVOR_FIRST: Partial<Record<MutantStatus, number>> = { Survived: 0, NoCoverage: 1 };

/** The shown mutants touching a 0-based line, survivors first, then in document order. */
export function mutantsOnLine(mutants: readonly ShownMutantDetail[], line: number): ShownMutantDetail[] {
  return mutants
    .filter((shown) => shown.range.start.line <= line && shown.range.end.line >= line)
    .sort((a, b) => (SURVIVOR_FIRST[a.mutant.status] ?? 2) - (SURVIVOR_FIRST[b.mutant.status] ?? 2) || byPosition(a, b));
}
