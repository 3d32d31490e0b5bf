import * as vscode from 'vscode';
import type { MutantLensApi, ReportState, ShownMutant } from './api';
import type { MutantQuery } from './core/mutation/shown';
import type { ReportStore } from './core/mutation/store/reportStore';

export interface ApiSources {
  readonly query: MutantQuery;
  readonly store: ReportStore;
  readonly uncoveredChangedLines: (path: string) => readonly number[];
  readonly coverageReports: () => readonly ReportState[];
  readonly onDidChange: vscode.Event<void>;
  readonly settled: () => Promise<void>;
}

/** The read-only public API: frozen plain data copied from the feature state. */
export function createApi(sources: ApiSources): MutantLensApi {
  return Object.freeze({
    apiVersion: 1 as const,
    getMutants: (uri: vscode.Uri): readonly ShownMutant[] =>
      Object.freeze(
        sources.query.mutantsIn(uri.fsPath).map((shown) =>
          Object.freeze({
            id: shown.mutant.id,
            status: shown.mutant.status,
            mutatorName: shown.mutant.mutatorName,
            replacement: shown.mutant.replacement,
            range: shown.range,
            stale: shown.stale,
            live: shown.live,
            report: shown.report.path,
          }),
        ),
      ),
    getUncoveredChangedLines: (uri: vscode.Uri) => Object.freeze([...sources.uncoveredChangedLines(uri.fsPath)]),
    getReports: (): readonly ReportState[] =>
      Object.freeze([
        ...sources.store.all().map((entry) =>
          Object.freeze({
            path: entry.candidate.path,
            kind: 'mutation' as const,
            tool: entry.candidate.tool,
            state: entry.status,
            reason: entry.reason,
            files: Object.freeze([...(entry.report?.files.keys() ?? [])]),
          }),
        ),
        ...sources.coverageReports(),
      ]),
    onDidChange: sources.onDidChange,
    settled: sources.settled,
  });
}
