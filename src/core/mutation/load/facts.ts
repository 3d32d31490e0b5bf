import { insideText } from '../remap/placeMutants';
import type { LoadedReport } from '../report/model';
import { sourceLines } from '../sourceLines';
import type { LoadFacts } from './protocol';

/** The counts the host logs about a loaded report, counted where the report was built. */
export function factsOf(report: LoadedReport, changedFiles: number, outside: LoadFacts['outside']): LoadFacts {
  let mutants = 0;
  let mutantsOutsideSource = 0;
  for (const file of report.files.values()) {
    mutants += file.mutants.length;
    if (file.mutants.length === 0) continue;
    mutantsOutsideSource += file.mutants.filter((mutant) => !insideText(mutant.range, sourceLines(file))).length;
  }
  return { mutants, mutantsOutsideSource, changedFiles, outside };
}
