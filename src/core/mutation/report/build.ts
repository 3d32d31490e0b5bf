import type { FileResult, MutantResult, MutationTestResult, TestFileDefinitionDictionary } from 'mutation-testing-report-schema/api';
import type { Position, Range } from '../../shared/types';
import type { IgnoredKey, LoadedReport, ReportMutant, ReportSourceFile, ReportTest, ReportTool } from './model';
import type { ReportCandidate } from './discovery';
import { resolveReportKey, type KeyContext } from './resolveKeys';

export interface BuildContext extends Omit<KeyContext, 'projectRoot'> {
  readonly reportPath: string;
  readonly tool: ReportTool;
}

/** The context for a report candidate in a workspace, field by field (see keyContextOf). */
export function buildContextOf(candidate: Pick<ReportCandidate, 'path' | 'tool' | 'packageDir'>, workspace: Pick<KeyContext, 'workspaceFolders' | 'exists' | 'filesNamed'>): BuildContext {
  return { reportPath: candidate.path, tool: candidate.tool, packageDir: candidate.packageDir, workspaceFolders: workspace.workspaceFolders, exists: workspace.exists, filesNamed: workspace.filesNamed };
}

/** Turns a validated report into the indexed model: keys resolved, positions 0-based, mutants sorted. */
export function buildLoadedReport(raw: MutationTestResult, context: BuildContext): LoadedReport {
  const keyContext = keyContextOf(context, raw.projectRoot);
  const files = new Map<string, ReportSourceFile>();
  const ignoredKeys: IgnoredKey[] = [];
  let droppedMutants = 0;
  const keys = Object.keys(raw.files);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const file = raw.files[key] as FileResult;
    const resolved = resolveReportKey(key, keyContext);
    if ('ignored' in resolved) {
      ignoredKeys.push({ key, reason: resolved.ignored });
      continue;
    }
    const earlier = files.get(resolved.path);
    if (earlier !== undefined) {
      ignoredKeys.push({ key, reason: `names the same file as "${earlier.key}"` });
      continue;
    }
    const mutants = toMutants(file.mutants);
    droppedMutants += file.mutants.length - mutants.length;
    files.set(resolved.path, { path: resolved.path, key, language: file.language, source: file.source, mutants });
  }
  return {
    path: context.reportPath,
    tool: context.tool,
    thresholds: { high: raw.thresholds.high, low: raw.thresholds.low, break: breakThreshold(raw) },
    files,
    tests: toTests(raw.testFiles),
    ignoredKeys,
    droppedMutants,
    packageDir: context.packageDir,
  };
}

/**
 * Written out field by field: V8 (Node 20) takes microseconds for an object spread followed by
 * more fields (`{ ...context, projectRoot }`), as much as JSON.parse of a small report.
 */
function keyContextOf(context: BuildContext, projectRoot: string | undefined): KeyContext {
  return { packageDir: context.packageDir, projectRoot, workspaceFolders: context.workspaceFolders, exists: context.exists, filesNamed: context.filesNamed };
}

function breakThreshold(raw: MutationTestResult): number | undefined {
  const value = (raw.thresholds as { break?: unknown }).break;
  return typeof value === 'number' ? value : undefined;
}

/** Report positions are 1-based with an exclusive end; ours are 0-based. */
export function toRange(location: MutantResult['location']): Range {
  return {
    start: { line: location.start.line - 1, character: location.start.column - 1 },
    end: { line: location.end.line - 1, character: location.end.column - 1 },
  };
}

export function isOrdered(range: Range): boolean {
  return comparePositions(range.start, range.end) <= 0;
}

export function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

function toMutants(results: readonly MutantResult[]): ReportMutant[] {
  const mutants: ReportMutant[] = [];
  for (let i = 0; i < results.length; i++) {
    const result = results[i] as MutantResult;
    const range = toRange(result.location);
    if (isOrdered(range)) mutants.push(toMutant(result, range));
  }
  return mutants.sort(byRange);
}

/** By start, then end; one function for every load rather than a new one per file. */
function byRange(a: ReportMutant, b: ReportMutant): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

function toMutant(result: MutantResult, range: Range): ReportMutant {
  return {
    id: result.id,
    mutatorName: result.mutatorName,
    replacement: result.replacement,
    description: result.description,
    status: result.status,
    statusReason: result.statusReason,
    range,
    coveredBy: result.coveredBy,
    killedBy: result.killedBy,
    isStatic: result.static,
  };
}

function toTests(testFiles: TestFileDefinitionDictionary | undefined): Map<string, ReportTest> {
  const tests = new Map<string, ReportTest>();
  if (testFiles === undefined) return tests;
  const names = Object.keys(testFiles);
  for (let f = 0; f < names.length; f++) {
    const file = names[f] as string;
    const definitions = (testFiles[file] as TestFileDefinitionDictionary[string]).tests;
    for (let i = 0; i < definitions.length; i++) {
      const test = definitions[i] as TestFileDefinitionDictionary[string]['tests'][number];
      tests.set(test.id, { id: test.id, name: test.name, file: file === '' ? undefined : file, location: testStart(test.location) });
    }
  }
  return tests;
}

/** A test's 1-based start (the schema's `OpenEndLocation`) as a 0-based position; undefined when absent or impossible. */
function testStart(location: { start?: { line?: unknown; column?: unknown } } | undefined): Position | undefined {
  const line = location?.start?.line;
  const column = location?.start?.column;
  if (typeof line !== 'number' || typeof column !== 'number' || !Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return undefined;
  return { line: line - 1, character: column - 1 };
}
