import * as vscode from 'vscode';
import type { LineVerdict, MutantLensApi, PatchScore, ReportState, ShownMutant } from './api';
import type { ChangeFeature } from './change/changeFeature';
import type { MutantQuery } from './core/mutation/shown';
import type { ReportStore } from './core/mutation/store/reportStore';
import type { Range } from './core/shared/types';

export interface ApiSources {
  readonly query: MutantQuery;
  readonly store: ReportStore;
  readonly uncoveredChangedLines: (path: string) => readonly number[];
  readonly coverageReports: () => readonly ReportState[];
  readonly change: ChangeFeature;
  readonly onDidChange: vscode.Event<void>;
  readonly settled: () => Promise<void>;
}

/** The read-only public API: deep-frozen plain data copied from the feature state; a caller can change nothing the features hold. */
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
            range: copyRange(shown.range),
            stale: shown.stale,
            live: shown.live,
            report: shown.report.path,
            onChangedLine: sources.change.onChangedLine(uri.fsPath, shown),
            newSinceBase: sources.change.newSinceBase(uri.fsPath, shown),
          }),
        ),
      ),
    getPatchScore: (uri?: vscode.Uri): PatchScore => Object.freeze({ ...sources.change.patchScore(uri?.fsPath) }),
    getLineVerdicts: (uri: vscode.Uri): readonly LineVerdict[] => Object.freeze(sources.change.lineVerdicts(uri.fsPath).map((v) => Object.freeze({ line: v.line, verdict: v.verdict }))),
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
        ...sources.coverageReports().map((state) => Object.freeze({ ...state, files: Object.freeze([...state.files]) })),
      ]),
    onDidChange: sources.onDidChange,
    settled: sources.settled,
  });
}

function copyRange(range: Range): Range {
  return Object.freeze({
    start: Object.freeze({ line: range.start.line, character: range.start.character }),
    end: Object.freeze({ line: range.end.line, character: range.end.character }),
  });
}
