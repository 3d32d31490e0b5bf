/**
 * What the benchmarks call: the measured src/core code and the seeded generators, bundled by
 * bench/build.mjs with esbuild into one CommonJS file at bench start (no ts-node, no tsx).
 */
export { loadReport } from '../src/core/mutation/report/load';
export { parseReportText } from '../src/core/mutation/report/parse';
export { classifyReport } from '../src/core/mutation/report/discovery';
export { ReportLoader } from '../src/core/mutation/load/reportLoader';
export { ReportStore } from '../src/core/mutation/store/reportStore';
export { showMutants } from '../src/core/mutation/store/shownMutants';
export { mutantMessage } from '../src/core/mutation/messages';
export { sourceLines } from '../src/core/mutation/sourceLines';
export { placeMutants } from '../src/core/mutation/remap/placeMutants';
export { splitLines } from '../src/core/mutation/remap/lineDiff';
export { LcovParser, parseLcov } from '../src/core/coverage/lcov';
export { parseDiff } from '../src/core/git/diffParse';
export { runProcess } from '../src/core/shared/process';
export { MUTANT_STATUSES } from '../src/core/shared/types';
export { generateLcov, seededRandom } from './generators/lcov';
export { generateReport, hotFileKey, DEFAULT_REPORT_OPTIONS } from './generators/report';
export { generateSource } from './generators/source';
export { generateGitRepo, git } from './generators/gitRepo';
export { changedLinesSince } from '../src/core/git/gitCli';
export { main as gateMain } from '../src/cli/main';
import { readFileSync } from 'node:fs';
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
