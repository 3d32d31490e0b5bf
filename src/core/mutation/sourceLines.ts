import { splitLines } from './remap/lineDiff';
import type { ReportSourceFile } from './report/model';

const cache = new WeakMap<ReportSourceFile, readonly string[]>();

/** The lines of a report file's embedded source, split once per report file. */
export function sourceLines(file: ReportSourceFile): readonly string[] {
  let lines = cache.get(file);
  if (lines === undefined) {
    lines = splitLines(file.source);
    cache.set(file, lines);
  }
  return lines;
}
