/**
 * The sample workspace (real git history, see test/fixtures/README.md) with its real inputs: the
 * Stryker report of commit A (the merge base: every edited file is stale against it), the real
 * vitest lcov of the edited working tree, and the changed lines from real git.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { placeMutants } from '../../../src/core/mutation/remap/placeMutants';
import { buildLoadedReport } from '../../../src/core/mutation/report/build';
import type { LoadedReport, ReportMutant } from '../../../src/core/mutation/report/model';
import { parseReportText } from '../../../src/core/mutation/report/parse';
import { parseLcov } from '../../../src/core/coverage/lcov';
import type { LcovFile } from '../../../src/core/coverage/lcovTypes';
import { changedLinesSince } from '../../../src/core/git/gitCli';
import type { ChangedLines } from '../../../src/core/git/changedLines';
import type { Range } from '../../../src/core/shared/types';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
export const SAMPLE_REPORT = path.join(FIXTURES, 'sample-project/reports/mutation/mutation.json');
export const WORKTREE_REPORT = path.join(FIXTURES, 'sample-workspace/mutation.json');

export interface Workspace {
  readonly root: string;
  readonly mergeBase: string;
  readonly changed: ChangedLines;
  readonly coverage: ReadonlyMap<string, LcovFile>;
  readonly dispose: () => void;
}

export async function sampleWorkspace(): Promise<Workspace> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mutant-lens-change-'));
  const { makeSampleWorkspace } = (await import(path.join(FIXTURES, 'make-sample-workspace.mjs'))) as { makeSampleWorkspace: (dir: string, options: object) => Promise<{ root: string; mergeBase: string }> };
  const ws = await makeSampleWorkspace(dir, { linkNodeModules: false });
  const changed = await changedLinesSince({ gitPath: 'git', cwd: ws.root }, 'main');
  if (!changed.ok) throw new Error(changed.error.message);
  const lcov = parseLcov(readFileSync(path.join(ws.root, 'coverage/lcov.info'), 'utf8'));
  if (!lcov.ok) throw new Error(lcov.error.message);
  const coverage = new Map(lcov.value.files.map((file) => [path.join(ws.root, file.path), file]));
  return { root: ws.root, mergeBase: ws.mergeBase, changed: changed.value.changed, coverage, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A report file built as the extension builds it, its keys resolved against `root`. */
export function loadReportAt(reportFile: string, root: string): LoadedReport {
  const parsed = parseReportText(readFileSync(reportFile, 'utf8'), 'json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const reportPath = path.join(root, 'reports/mutation/mutation.json');
  return buildLoadedReport(parsed.value, { reportPath, tool: 'stryker-js', packageDir: root, workspaceFolders: [root], exists: existsSync, filesNamed: () => [] });
}

export interface Placed {
  readonly mutant: ReportMutant;
  readonly range: Range;
  readonly stale: boolean;
  readonly status: ReportMutant['status'];
}

/** Every mutant of the file placed in the file's text in the workspace now. */
export function placedIn(report: LoadedReport, file: string): Placed[] {
  const entry = report.files.get(file);
  if (entry === undefined) return [];
  const current = readFileSync(file, 'utf8');
  return placeMutants(entry.source, current, entry.mutants).placed.map((placed) => ({ ...placed, status: placed.mutant.status }));
}

/** `[startLine, startChar, endLine, endChar] mutator status (stale)` 0-based, for exact comparisons. */
export function describe(mutant: Placed): string {
  const { start, end } = mutant.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${mutant.mutant.mutatorName} ${mutant.status}${mutant.stale ? ' stale' : ''}`;
}
