/**
 * New survivors against a base report. A current survivor is *already there* when the base report
 * has an undetected mutant (Survived, NoCoverage) of the same file (same key in a report at the
 * same path), with the same mutator and replacement, whose location, moved from the base's
 * embedded source to the current text through the line diff (start and end line each), is the
 * survivor's current location.
 * Every other survivor is *new* (the base had no such mutant, or its tests caught it then).
 */
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { err, ok, type Result } from '../shared/types';
import { parseReportText } from '../mutation/report/parse';
import { toRange } from '../mutation/report/build';
import type { ReportMutant } from '../mutation/report/model';
import { normaliseKey } from '../mutation/report/resolveKeys';
import { matchLines, splitLines } from '../mutation/remap/lineDiff';
import type { Range } from '../shared/types';
import { classOf } from './patchScore';

export interface BaseFile {
  readonly source: string;
  readonly mutants: readonly Pick<ReportMutant, 'mutatorName' | 'replacement' | 'range' | 'status'>[];
}

/** A base report's files by normalised key (`/` separators). */
export type BaseIndex = ReadonlyMap<string, BaseFile>;

export function baseIndexOf(report: MutationTestResult): BaseIndex {
  const files = new Map<string, BaseFile>();
  for (const [key, file] of Object.entries(report.files)) {
    const mutants = file.mutants.map((mutant) => ({ mutatorName: mutant.mutatorName, replacement: mutant.replacement, status: mutant.status, range: toRange(mutant.location) }));
    files.set(normaliseKey(key), { source: file.source, mutants });
  }
  return files;
}

/** A base report's text parsed, validated and indexed; else why not (parseReportText's message). */
export function parseBaseIndex(text: string, format: 'json' | 'html'): Result<BaseIndex, string> {
  const parsed = parseReportText(text, format);
  return parsed.ok ? ok(baseIndexOf(parsed.value)) : err(parsed.error.message);
}

export function mutantKey(range: Range, mutatorName: string, replacement: string | undefined): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${mutatorName} ${replacement ?? ''}`;
}

/**
 * Keys (current location, mutator, replacement) of the base file's undetected mutants whose start
 * and end lines both survive unchanged into `currentText`, each moved on its own through the line
 * diff (so a block whose inner lines changed still matches by its first and last line).
 */
export function baseSurvivorKeys(base: BaseFile | undefined, currentText: string): ReadonlySet<string> {
  const keys = new Set<string>();
  if (base === undefined) return keys;
  const { oldToNew } = matchLines(splitLines(base.source), splitLines(currentText));
  for (const mutant of base.mutants) {
    if (classOf(mutant.status) !== 'undetected') continue;
    const start = oldToNew[mutant.range.start.line] ?? -1;
    const end = oldToNew[mutant.range.end.line] ?? -1;
    if (start < 0 || end < start) continue;
    const range = { start: { line: start, character: mutant.range.start.character }, end: { line: end, character: mutant.range.end.character } };
    keys.add(mutantKey(range, mutant.mutatorName, mutant.replacement));
  }
  return keys;
}

export interface CurrentMutant {
  readonly range: Range;
  readonly mutatorName: string;
  readonly replacement: string | undefined;
  readonly status: ReportMutant['status'];
  readonly stale: boolean;
}

/**
 * Whether the current mutant is a new survivor: undefined when it is not a survivor with a
 * current result (detected, invalid or stale), or no base is known.
 */
export function newSinceBase(mutant: CurrentMutant, baseKeys: ReadonlySet<string> | undefined): boolean | undefined {
  if (baseKeys === undefined || mutant.stale || classOf(mutant.status) !== 'undetected') return undefined;
  return !baseKeys.has(mutantKey(mutant.range, mutant.mutatorName, mutant.replacement));
}
