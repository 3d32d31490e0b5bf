import { calculateMetrics } from 'mutation-testing-metrics';
import type { FileResult } from 'mutation-testing-report-schema/api';
import type { LoadedReport, ReportSourceFile } from './report/model';

/** Mutation scores as the HTML report shows them (two decimals, toFixed) (mutation-testing-metrics), in percent; NaN when nothing counts. */
export interface Scores {
  readonly file: number;
  readonly report: number;
}

const reportScores = new WeakMap<LoadedReport, number>();

export function scoreOf(files: readonly ReportSourceFile[]): number {
  const input: Record<string, FileResult> = {};
  files.forEach((file, index) => {
    input[`${index}/${file.key}`] = toFileResult(file);
  });
  return calculateMetrics(input).metrics.mutationScore;
}

export function reportScore(report: LoadedReport): number {
  let score = reportScores.get(report);
  if (score === undefined) {
    score = scoreOf([...report.files.values()]);
    reportScores.set(report, score);
  }
  return score;
}

function toFileResult(file: ReportSourceFile): FileResult {
  return {
    language: file.language,
    source: '',
    mutants: file.mutants.map((mutant) => ({
      id: mutant.id,
      mutatorName: mutant.mutatorName,
      status: mutant.status,
      location: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    })),
  };
}

export type ScoreLevel = 'high' | 'medium' | 'low' | 'none';

/** How the HTML report colours a score: at or above `high` good, at or above `low` warning, else danger. */
export function scoreLevel(score: number, thresholds: { readonly high: number; readonly low: number }): ScoreLevel {
  if (Number.isNaN(score)) return 'none';
  if (score >= thresholds.high) return 'high';
  return score >= thresholds.low ? 'medium' : 'low';
}

export function formatScore(score: number): string {
  return Number.isNaN(score) ? 'n/a' : `${score.toFixed(2)}%`;
}
