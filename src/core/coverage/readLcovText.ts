import { parseLcov, type LcovReport } from './lcov';
import { NO_LINE_RECORDS } from './summaryOnly';

/**
 * What the extension makes of an lcov file's text: its report, or why not. `incomplete` (empty, or
 * no final end_of_record yet) means the writer may not have finished: the caller reads it again
 * shortly before giving up. A summary-only file is refused with NO_LINE_RECORDS.
 */
export type LcovRead = { readonly kind: 'ok'; readonly report: LcovReport } | { readonly kind: 'incomplete' | 'invalid'; readonly reason: string };

export function readLcovText(text: string): LcovRead {
  if (text.trim() === '') return { kind: 'incomplete', reason: 'is empty' };
  if (!text.trimEnd().endsWith('end_of_record')) return { kind: 'incomplete', reason: 'is incomplete (no final end_of_record)' };
  const parsed = parseLcov(text);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.error.message };
  return parsed.value.summaryOnly ? { kind: 'invalid', reason: NO_LINE_RECORDS } : { kind: 'ok', report: parsed.value };
}
