import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { err, ok, type Result } from '../../shared/types';
import { extractEmbeddedReport } from './htmlEmbedded';
import { describeNormalised, normaliseNumbers } from './normalise';
import { validateReport } from './validate';

/** `cargo-mutants` and `pitest-xml` are other tools' own formats, read by src/core/mutation/tools. */
export type ReportFormat = 'json' | 'html' | 'cargo-mutants' | 'pitest-xml';

/**
 * Why a report text was not accepted. `incomplete` means the text looks cut off, as when the
 * writer has not finished: the caller keeps the last good data and reads again shortly.
 */
export interface ReportProblem {
  readonly kind: 'incomplete' | 'syntax' | 'schema';
  readonly message: string;
}

/**
 * `onNormalised` hears, once, what was read differently from the schema's letter (numeric ids or
 * schemaVersion read as strings), for the log.
 */
export function parseReportText(text: string, format: ReportFormat, onNormalised?: (note: string) => void): Result<MutationTestResult, ReportProblem> {
  const parsed = format === 'html' ? parseEmbedded(text) : parseJson(stripBom(text));
  if (!parsed.ok) return parsed;
  fillMissingLanguages(parsed.value);
  const note = describeNormalised(normaliseNumbers(parsed.value));
  const valid = validateReport(parsed.value);
  if (!valid.ok) return err({ kind: 'schema', message: `is not a valid mutation report: ${valid.error}` });
  if (note !== undefined) onNormalised?.(note);
  return parsed as Result<MutationTestResult, ReportProblem>;
}

function parseEmbedded(page: string): Result<unknown, ReportProblem> {
  const json = extractEmbeddedReport(page);
  if (json.ok) return parseJson(json.value);
  const incomplete = page.trim() === '' || json.error.startsWith('is incomplete');
  return err({ kind: incomplete ? 'incomplete' : 'syntax', message: json.error });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A whole JSON text, or why not: empty or cut off (`incomplete`, still being written) or not JSON (`syntax`). Every reader of a JSON result file uses it. */
export function parseJson(text: string): Result<unknown, ReportProblem> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    // Asked only here: JSON.parse refuses every blank text, and a load of a small report is counted in microseconds.
    if (text.trim() === '') return err({ kind: 'incomplete', message: 'is empty' });
    const message = error instanceof Error ? error.message : String(error);
    if (looksTruncated(message, text)) return err({ kind: 'incomplete', message: 'is incomplete (the JSON ends early)' });
    return err({ kind: 'syntax', message: `is not valid JSON: ${message}` });
  }
}

/** V8 reports a cut-off text as "Unexpected end", an unterminated string, or an error at its very end. */
export function looksTruncated(message: string, text: string): boolean {
  if (message.includes('end of JSON input') || message.includes('Unterminated string')) return true;
  const position = /at position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= text.trimEnd().length;
}

const LANGUAGES: Record<string, string> = { java: 'java', kt: 'kotlin', scala: 'scala', cs: 'csharp', ts: 'typescript', tsx: 'typescript', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript' };

/**
 * The pitest plugin writes files without `language`, which the schema requires; name it after
 * the file's extension (or "unknown") so that such reports still load. Nothing else is changed.
 */
export function fillMissingLanguages(data: unknown): void {
  const files = (data as { files?: unknown } | null)?.files;
  if (files === null || typeof files !== 'object') return;
  const byKey = files as Record<string, unknown>;
  const keys = Object.keys(byKey);
  // An indexed loop: an iterator costs on every step where the load runs not yet optimised.
  // Stryker disable next-line EqualityOperator: a step past the end reads undefined, which the loop skips
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const file = byKey[key];
    if (file === null || typeof file !== 'object' || Array.isArray(file) || 'language' in file) continue;
    const extension = /\.([A-Za-z]+)$/.exec(key)?.[1]?.toLowerCase() ?? '';
    (file as Record<string, unknown>).language = LANGUAGES[extension] ?? 'unknown';
  }
}
