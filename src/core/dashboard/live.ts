import type { MutantResult, MutationTestResult } from 'mutation-testing-report-schema/api';
import { err, ok, MUTANT_STATUSES, type MutantStatus, type Result } from '../shared/types';

/**
 * A CI run in progress: the Dashboard's real-time report (its mutants `Pending` until tested) with
 * the results of its `mutant-tested` events applied by mutant id. The Dashboard sends
 * `event: mutant-tested` / `data: <a partial MutantResult>` and, at the end, `event: finished` /
 * `data: {}` (packages/website-backend/src/services/real-time/MutationEventSender.ts); on
 * connecting, every mutant tested so far is sent again (real-time-reports.controller.ts).
 */
export interface MutantTested {
  readonly id: string;
  readonly status: MutantStatus;
  readonly statusReason?: string;
  readonly killedBy?: string[];
  readonly coveredBy?: string[];
  readonly testsCompleted?: number;
}

export function parseMutantTested(data: string): Result<MutantTested> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return err('is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return err('is not an object');
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string') return err('has no string id');
  if (typeof record.status !== 'string' || !(MUTANT_STATUSES as readonly string[]).includes(record.status)) return err(`has an unknown status ${JSON.stringify(record.status)}`);
  const tested: { -readonly [K in keyof MutantTested]: MutantTested[K] } = { id: record.id, status: record.status as MutantStatus };
  if (typeof record.statusReason === 'string') tested.statusReason = record.statusReason;
  if (isStringArray(record.killedBy)) tested.killedBy = record.killedBy;
  if (isStringArray(record.coveredBy)) tested.coveredBy = record.coveredBy;
  if (typeof record.testsCompleted === 'number') tested.testsCompleted = record.testsCompleted;
  return ok(tested);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export class LiveReport {
  private readonly byId = new Map<string, { key: string; mutant: MutantResult }>();

  constructor(readonly report: MutationTestResult) {
    for (const [key, file] of Object.entries(report.files)) for (const mutant of file.mutants) this.byId.set(mutant.id, { key, mutant });
  }

  /** Applies one result; the report file key it changed, or undefined for an unknown mutant. */
  apply(tested: MutantTested): string | undefined {
    const found = this.byId.get(tested.id);
    if (found === undefined) return undefined;
    const { mutant } = found;
    mutant.status = tested.status;
    if (tested.statusReason !== undefined) mutant.statusReason = tested.statusReason;
    if (tested.killedBy !== undefined) mutant.killedBy = tested.killedBy;
    if (tested.coveredBy !== undefined) mutant.coveredBy = tested.coveredBy;
    if (tested.testsCompleted !== undefined) mutant.testsCompleted = tested.testsCompleted;
    return found.key;
  }
}
