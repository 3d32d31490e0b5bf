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

export class ReportStore {
  private readonly entries = new Map<string, ReportEntry>();
  private byFile = new Map<string, FileInReport[]>();

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

  setLoaded(candidate: ReportCandidate, report: LoadedReport): void {
    this.entries.set(candidate.path, { candidate, status: 'ok', reason: undefined, report });
    this.reindex();
  }

  setInvalid(candidate: ReportCandidate, reason: string): void {
    const before = this.entries.get(candidate.path);
    this.entries.set(candidate.path, { candidate, status: 'invalid', reason, report: before?.report });
  }

  remove(path: string): boolean {
    const removed = this.entries.delete(path);
    if (removed) this.reindex();
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

  private reindex(): void {
    const byFile = new Map<string, Array<FileInReport & { readonly remote: boolean }>>();
    for (const entry of this.entries.values()) {
      if (entry.report === undefined) continue;
      for (const file of entry.report.files.values()) {
        const list = byFile.get(file.path);
        const item = { file, report: entry.report, remote: entry.candidate.origin !== undefined };
        if (list === undefined) byFile.set(file.path, [item]);
        else list.push(item);
      }
    }
    this.byFile = new Map([...byFile].map(([path, items]) => [path, localFirst(items)]));
  }
}
