/**
 * Mutants a running rerun has tested, read from our plugin's `tested` lines, so that their new
 * status can show before Stryker writes the report. A mutant of the rerun is the report's mutant
 * when both sit at the same place of the current text with the same mutator and replacement.
 */
import * as nodePath from 'node:path';
import { isOrdered, toRange } from '../mutation/report/build';
import { MUTANT_STATUSES, type MutantStatus, type Range } from '../shared/types';

export interface LiveResult {
  /** Absolute path of the mutated file. */
  readonly file: string;
  /** `liveKey` of the mutant. */
  readonly key: string;
  readonly status: MutantStatus;
}

/** What identifies a mutant across a report and a rerun: its range now, its mutator and replacement. */
export function liveKey(range: Range, mutatorName: string, replacement: string | undefined): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${mutatorName} ${replacement ?? ''}`;
}

/** The mutant of a `tested` line of the progress file; undefined for any other or malformed line. */
export function liveResultOf(line: string, projectDir: string, path: Pick<typeof nodePath, 'resolve'> = nodePath): LiveResult | undefined {
  const mutant = testedMutant(line);
  if (mutant === undefined) return undefined;
  const { fileName, mutatorName, replacement, status, location } = mutant;
  if (typeof fileName !== 'string' || typeof mutatorName !== 'string' || !isStatus(status) || !isLocation(location)) return undefined;
  if (replacement !== undefined && typeof replacement !== 'string') return undefined;
  const range = toRange(location);
  if (!isOrdered(range)) return undefined;
  return { file: path.resolve(projectDir, fileName), key: liveKey(range, mutatorName, replacement), status };
}

function testedMutant(line: string): Record<string, unknown> | undefined {
  try {
    const event: unknown = JSON.parse(line);
    if (!isRecord(event) || event['event'] !== 'tested') return undefined;
    const mutant = event['mutant'];
    return isRecord(mutant) ? mutant : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  // Stryker disable next-line ConditionalExpression: a primitive has none of the fields read next, so it is refused either way
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStatus(value: unknown): value is MutantStatus {
  return MUTANT_STATUSES.includes(value as MutantStatus);
}

interface Location {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

function isLocation(value: unknown): value is Location {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isCount(value['line']) && isCount(value['column']);
}

/** A 1-based line or column. */
function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1;
}
