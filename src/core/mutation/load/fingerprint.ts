import { createHash } from 'node:crypto';
import type { LoadedReport, ReportSourceFile } from '../report/model';

/**
 * A hash of a file's built content (path, key, language, source, mutants): two loads of a report
 * give one file the same fingerprint exactly when the host could keep the file's model object.
 */
export function fingerprintOf(file: ReportSourceFile): string {
  return createHash('sha1').update(JSON.stringify([file.path, file.key, file.language, file.source, file.mutants])).digest('base64');
}

/** A hash of a report's data other than its files (thresholds, tests, keys left out, counts). */
export function headFingerprintOf(report: LoadedReport): string {
  const { files: _files, tests, ...rest } = report;
  return createHash('sha1').update(JSON.stringify([rest, [...tests.values()]])).digest('base64');
}
