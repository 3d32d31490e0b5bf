import type { Result } from '../../shared/types';
import type { ReportCandidate } from '../report/discovery';
import type { LoadEnvironment, LoadProblem } from '../report/loadTypes';
import type { LoadedReport } from '../report/model';
import type { ReportFormat } from '../report/parse';
import { loadCargoMutants } from './cargoMutants/load';
import { loadPitestXml } from './pitest/load';

export type ToolReader = (candidate: ReportCandidate, env: LoadEnvironment) => Promise<Result<LoadedReport, LoadProblem>>;

/** Readers of the tools' own formats (not the mutation-testing-report-schema), by report format. */
export const TOOL_READERS: Partial<Record<ReportFormat, ToolReader>> = {
  'cargo-mutants': loadCargoMutants,
  'pitest-xml': loadPitestXml,
};

/** How the report list names the tool that wrote a report: `pitest (mutations.xml)`, `cargo-mutants`, `stryker-js`. */
export function toolLabel(candidate: Pick<ReportCandidate, 'tool' | 'format'>): string {
  return candidate.format === 'pitest-xml' ? `${candidate.tool} (mutations.xml)` : candidate.tool;
}
