/**
 * cargo-mutants' results (read in its source, v27.1.0, src/outcome.rs, src/mutant.rs, src/span.rs):
 * `mutants.out/outcomes.json` is `{ outcomes: [{ scenario: "Baseline" | { Mutant: {...} }, summary,
 * log_path, diff_path, phase_results }], ... }`, rewritten whole after each scenario;
 * `mutants.out/mutants.json` lists every mutant of the run, written before testing starts. A mutant
 * is `{ name, package, file, function: { function_name, return_type, span } | null, span, replacement,
 * genre }`; a span's lines and columns are 1-based, columns count chars (Unicode scalar values),
 * the end is exclusive.
 */
import type { MutantStatus } from '../../../shared/types';

export interface CargoPosition {
  readonly line: number;
  /** 1-based, in chars. */
  readonly column: number;
}

export interface CargoSpan {
  readonly start: CargoPosition;
  readonly end: CargoPosition;
}

export interface CargoMutant {
  readonly name: string;
  readonly file: string;
  readonly span: CargoSpan;
  readonly replacement: string;
  readonly genre: string;
  readonly functionName: string | undefined;
  /** The enclosing function's span, where `#[mutants::skip]` goes. */
  readonly functionSpan: CargoSpan | undefined;
}

export interface CargoOutcome {
  readonly mutant: CargoMutant;
  /** cargo-mutants' SummaryOutcome; undefined for a mutant listed in mutants.json but not tested (yet). */
  readonly summary: string | undefined;
  /** Relative to mutants.out. */
  readonly diffPath: string | undefined;
}

/**
 * SummaryOutcome (src/outcome.rs) to the schema's statuses. `Success` of a mutant means it built and
 * no test phase ran (`--check`); `Failure` is a failure cargo-mutants could not attribute.
 */
export const CARGO_STATUS: Readonly<Record<string, { readonly status: MutantStatus; readonly reason: string | undefined }>> = {
  CaughtMutant: { status: 'Killed', reason: undefined },
  MissedMutant: { status: 'Survived', reason: undefined },
  Timeout: { status: 'Timeout', reason: undefined },
  Unviable: { status: 'CompileError', reason: 'Unviable: the mutant does not build' },
  Success: { status: 'Ignored', reason: 'built, but not tested (cargo mutants --check)' },
  Failure: { status: 'RuntimeError', reason: 'cargo-mutants saw a failure it could not attribute' },
};

export function cargoStatus(summary: string | undefined): { readonly status: MutantStatus; readonly reason: string | undefined } {
  if (summary === undefined) return { status: 'Pending', reason: 'not tested yet (listed in mutants.json, not in outcomes.json)' };
  return Object.hasOwn(CARGO_STATUS, summary) ? (CARGO_STATUS[summary] as (typeof CARGO_STATUS)[string]) : { status: 'RuntimeError', reason: `unknown cargo-mutants outcome "${summary}"` };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positionOf(value: unknown): CargoPosition | undefined {
  if (!isObject(value)) return undefined;
  const { line, column } = value;
  return isCount(line) && isCount(column) ? { line, column } : undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

export function spanOf(value: unknown): CargoSpan | undefined {
  if (!isObject(value)) return undefined;
  const start = positionOf(value.start);
  const end = positionOf(value.end);
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** A mutant object as cargo-mutants serialises it, or undefined when a field is missing or of the wrong type. */
export function mutantOf(value: unknown): CargoMutant | undefined {
  if (!isObject(value)) return undefined;
  const { name, file, replacement, genre } = value;
  const span = spanOf(value.span);
  if (typeof name !== 'string' || typeof file !== 'string' || typeof replacement !== 'string' || typeof genre !== 'string' || span === undefined) return undefined;
  const fn = isObject(value.function) ? value.function : undefined;
  const functionName = typeof fn?.function_name === 'string' ? fn.function_name : undefined;
  return { name, file, span, replacement, genre, functionName, functionSpan: spanOf(fn?.span) };
}

export interface ParsedOutcomes {
  readonly outcomes: readonly CargoOutcome[];
  /** Entries that are not a well-formed scenario, as log labels. */
  readonly malformed: readonly string[];
}

/** The mutant outcomes of a parsed outcomes.json; undefined when it is not one at all. */
export function outcomesOf(data: unknown): ParsedOutcomes | undefined {
  if (!isObject(data) || !Array.isArray(data.outcomes)) return undefined;
  const outcomes: CargoOutcome[] = [];
  const malformed: string[] = [];
  data.outcomes.forEach((entry: unknown, index) => {
    if (isObject(entry) && entry.scenario === 'Baseline') return;
    const mutant = isObject(entry) && isObject(entry.scenario) ? mutantOf(entry.scenario.Mutant) : undefined;
    if (!isObject(entry) || mutant === undefined || typeof entry.summary !== 'string') {
      malformed.push(`outcomes.json entry ${index + 1} (not a cargo-mutants outcome)`);
      return;
    }
    outcomes.push({ mutant, summary: entry.summary, diffPath: typeof entry.diff_path === 'string' ? entry.diff_path : undefined });
  });
  return { outcomes, malformed };
}

/** mutants.json's mutants that outcomes.json does not mention (not tested yet), as Pending. */
export function untestedOf(data: unknown, tested: readonly CargoOutcome[]): CargoOutcome[] {
  if (!Array.isArray(data)) return [];
  const names = new Set(tested.map((outcome) => outcome.mutant.name));
  return data
    .map(mutantOf)
    .filter((mutant): mutant is CargoMutant => mutant !== undefined && !names.has(mutant.name))
    .map((mutant) => ({ mutant, summary: undefined, diffPath: undefined }));
}
