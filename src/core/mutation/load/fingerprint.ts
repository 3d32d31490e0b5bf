import { createHash } from 'node:crypto';
import type { ReportSourceFile } from '../report/model';

/**
 * A hash of a file's built content (path, key, language, source, mutants): two loads of a report
 * give one file the same fingerprint exactly when the host could keep the file's model object.
 */
export function fingerprintOf(file: ReportSourceFile): string {
  return createHash('sha1').update(JSON.stringify([file.path, file.key, file.language, file.source, file.mutants])).digest('base64');
}
