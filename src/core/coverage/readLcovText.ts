import { readBounded } from '../shared/fileProbe';
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

/** An lcov file as read from disk: its report and modification time, or why not (see LcovRead). */
export type LcovFileRead = { readonly kind: 'ok'; readonly report: LcovReport; readonly mtimeMs: number } | { readonly kind: 'incomplete' | 'invalid'; readonly reason: string };

/** Reads (at most `maxBytes`, else a clear reason naming the setting) and parses an lcov file. Never throws. */
export async function readLcovFile(path: string, maxBytes: number): Promise<LcovFileRead> {
  const read = await readBounded(path, maxBytes);
  if (!read.ok) return { kind: 'invalid', reason: read.kind === 'too-large' ? `${read.message} (setting mutantLens.maxCoverageSizeMB)` : read.message };
  const parsed = readLcovText(read.bytes.toString('utf8'));
  return parsed.kind === 'ok' ? { ...parsed, mtimeMs: read.mtimeMs } : parsed;
}
