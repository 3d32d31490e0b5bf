// The independent reference for a mutation report: the JSON schema's own verdict (ajv on the
// schema exactly as published, uniqueItems included) and mutation-testing-metrics on the raw
// parsed file: counts per status and score per file, the report's score, every mutant's range.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { calculateMetrics, calculateMutationTestMetrics, type MetricsResult } from 'mutation-testing-metrics';
import { schema } from 'mutation-testing-report-schema';
import type { FileResult, MutationTestResult } from 'mutation-testing-report-schema/api';

export const STATUSES = ['Killed', 'Survived', 'Timeout', 'NoCoverage', 'RuntimeError', 'CompileError', 'Ignored', 'Pending'] as const;
export type Counts = Record<(typeof STATUSES)[number], number>;

export interface FileFigures {
  readonly counts: Counts;
  readonly score: number;
  /** `id status startLine:startCol-endLine:endCol` (0-based), sorted. */
  readonly mutants: readonly string[];
}

export interface ReportFigures {
  readonly score: number;
  readonly files: ReadonlyMap<string, FileFigures>;
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** undefined when the schema accepts the data, else its first complaint. */
export function schemaVerdict(data: unknown): string | undefined {
  if (validate === undefined) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema as object);
  }
  if (validate(data)) return undefined;
  const first = validate.errors?.[0];
  return first === undefined ? 'invalid' : `${first.instancePath || 'the report'} ${first.message ?? ''}`.trim();
}

export function mutantLine(id: unknown, status: string, location: { start: { line: number; column: number }; end: { line: number; column: number } }): string {
  const { start, end } = location;
  return `${String(id)} ${status} ${start.line - 1}:${start.column - 1}-${end.line - 1}:${end.column - 1}`;
}

function fileNode(result: MetricsResult): MetricsResult | undefined {
  if (result.file !== undefined) return result;
  for (const child of result.childResults) {
    const found = fileNode(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function referenceFigures(data: MutationTestResult): ReportFigures {
  const files = new Map<string, FileFigures>();
  for (const [key, file] of Object.entries(data.files)) files.set(key, fileFigures(key, file));
  return { score: calculateMutationTestMetrics(data).systemUnderTestMetrics.metrics.mutationScore, files };
}

function fileFigures(key: string, file: FileResult): FileFigures {
  const result = calculateMetrics({ [key]: file });
  const m = result.metrics;
  const counts: Counts = {
    Killed: m.killed,
    Survived: m.survived,
    Timeout: m.timeout,
    NoCoverage: m.noCoverage,
    RuntimeError: m.runtimeErrors,
    CompileError: m.compileErrors,
    Ignored: m.ignored,
    Pending: m.pending,
  };
  const model = fileNode(result)?.file;
  const mutants = (model?.mutants ?? []).map((mutant) => mutantLine(mutant.id, mutant.status, mutant.location)).sort();
  return { counts, score: m.mutationScore, mutants };
}
