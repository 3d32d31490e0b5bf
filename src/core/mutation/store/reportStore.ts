import type { LoadedReport, ReportSourceFile } from '../report/model';
import type { ReportCandidate } from '../report/discovery';

export type ReportStatus = 'loading' | 'ok' | 'invalid';

export interface ReportEntry {
  readonly candidate: ReportCandidate;
  readonly status: ReportStatus;
  /** Why the last read failed; the last good report stays in `report`. */
  readonly reason: string | undefined;
  /** The last report that loaded, if any. */
  readonly report: LoadedReport | undefined;
  /** True while `report` holds only the files a first load has sent so far. */
  readonly partial?: boolean;
}

export interface FileInReport {
  readonly file: ReportSourceFile;
  readonly report: LoadedReport;
}

/**
 * Every known report by path, with its state and last good data. A failed read never
 * removes data; only `remove` (the file was deleted, or lost to a newer report) does.
 * A remote report (the Dashboard's) gives way to a local one: a source file that a workspace
 * report covers is shown from the workspace report only.
 */
/** The local reports' entries when there are any, else the remote ones. */
function localFirst(items: ReadonlyArray<FileInReport & { readonly remote: boolean }>): FileInReport[] {
  const local = items.filter((item) => !item.remote);
  return (local.length > 0 ? local : items).map(({ file, report }) => ({ file, report }));
}

type Holder = FileInReport & { readonly remote: boolean };

export class ReportStore {
  private readonly entries = new Map<string, ReportEntry>();
  /** Per source file, the reports that hold it (by report path); `byFile` is derived per touched file. */
  private readonly holders = new Map<string, Map<string, Holder>>();
  private readonly byFile = new Map<string, FileInReport[]>();

  all(): ReportEntry[] {
    return [...this.entries.values()];
  }

  get(path: string): ReportEntry | undefined {
    return this.entries.get(path);
  }

  setLoading(candidate: ReportCandidate): void {
    const before = this.entries.get(candidate.path);
    this.entries.set(candidate.path, { candidate, status: 'loading', reason: undefined, report: before?.report });
  }

  /** Reindexes only this report's files (old and new): a report loaded in batches costs its own files per batch, not every report's. */
  setLoaded(candidate: ReportCandidate, report: LoadedReport): void {
    const before = this.entries.get(candidate.path)?.report;
    this.entries.set(candidate.path, { candidate, status: 'ok', reason: undefined, report });
    this.reindex(candidate.path, before, report, candidate.origin !== undefined);
  }

  /** A first load's files so far (shown while the rest arrives); the entry stays `loading`. */
  setPartial(candidate: ReportCandidate, report: LoadedReport): void {
    const before = this.entries.get(candidate.path)?.report;
    this.entries.set(candidate.path, { candidate, status: 'loading', reason: undefined, report, partial: true });
    this.reindex(candidate.path, before, report, candidate.origin !== undefined);
  }

  setInvalid(candidate: ReportCandidate, reason: string): void {
    const before = this.entries.get(candidate.path);
    this.entries.set(candidate.path, { candidate, status: 'invalid', reason, report: before?.report });
  }

  remove(path: string): boolean {
    const before = this.entries.get(path);
    const removed = this.entries.delete(path);
    if (removed) this.reindex(path, before?.report, undefined, false);
    return removed;
  }

  /** The report files (with their reports) that hold a source file. */
  filesFor(path: string): readonly FileInReport[] {
    return this.byFile.get(path) ?? [];
  }

  /** Every source file some report covers. */
  coveredFiles(): string[] {
    return [...this.byFile.keys()];
  }

  private reindex(reportPath: string, before: LoadedReport | undefined, after: LoadedReport | undefined, remote: boolean): void {
    const touched = new Set<string>();
    for (const file of before?.files.keys() ?? []) {
      this.holders.get(file)?.delete(reportPath);
      touched.add(file);
    }
    for (const file of after?.files.values() ?? []) {
      let holders = this.holders.get(file.path);
      if (holders === undefined) this.holders.set(file.path, (holders = new Map<string, Holder>()));
      holders.set(reportPath, { file, report: after as LoadedReport, remote });
      touched.add(file.path);
    }
    const order = new Map([...this.entries.keys()].map((path, index) => [path, index]));
    for (const file of touched) this.derive(file, order);
  }

  /** A file's entries in the reports' order, the local ones first (core: localFirst). */
  private derive(file: string, order: ReadonlyMap<string, number>): void {
    const holders = this.holders.get(file);
    if (holders === undefined || holders.size === 0) {
      this.holders.delete(file);
      this.byFile.delete(file);
      return;
    }
    const items = [...holders].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([, item]) => item);
    this.byFile.set(file, localFirst(items));
  }
}
