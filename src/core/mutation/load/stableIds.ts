/**
 * Stryker numbers mutants and tests afresh on every run, a one-file incremental rerun included:
 * every file of the new report differs from the last one by its ids alone. Within one report path,
 * a mutant (file, mutator, range, replacement) or a test (file, name) seen in the last load keeps
 * the id it had there, so that the files a rerun did not touch are equal to the last load's (and
 * the host keeps their objects). Ids stay unique; a new mutant or test keeps its own id unless an
 * earlier one holds it.
 */
import type { LoadedReport, ReportMutant, ReportSourceFile, ReportTest } from '../report/model';

export interface IdMemory {
  /** Test identity → id. */
  readonly tests: ReadonlyMap<string, string>;
  /** Mutant identity → id. */
  readonly mutants: ReadonlyMap<string, string>;
}

/** The ids of a report's tests and mutants, by identity. */
export function rememberIds(report: LoadedReport): IdMemory {
  const tests = new Map<string, string>();
  const seenTests = new Map<string, number>();
  for (const test of report.tests.values()) tests.set(nth(seenTests, testIdentity(test)), test.id);
  const mutants = new Map<string, string>();
  const seenMutants = new Map<string, number>();
  for (const file of report.files.values()) for (const mutant of file.mutants) mutants.set(nth(seenMutants, mutantIdentity(file, mutant)), mutant.id);
  return { tests, mutants };
}

/** The report with the remembered ids of its tests and mutants; the same object when no id changes. */
export function withStableIds(report: LoadedReport, memory: IdMemory): LoadedReport {
  const testIds = stableTestIds(report, memory);
  const mutantIds = stableMutantIds(report, memory);
  if (testIds.size === 0 && mutantIds.size === 0) return report;
  const tests = new Map<string, ReportTest>();
  for (const test of report.tests.values()) {
    const id = testIds.get(test.id) ?? test.id;
    tests.set(id, id === test.id ? test : { ...test, id });
  }
  const files = new Map<string, ReportSourceFile>();
  for (const [path, file] of report.files) files.set(path, { ...file, mutants: file.mutants.map((mutant) => renamed(mutant, mutantIds.get(mutant), testIds)) });
  return { ...report, tests, files };
}

function stableTestIds(report: LoadedReport, memory: IdMemory): Map<string, string> {
  const seen = new Map<string, number>();
  return stableIds([...report.tests.values()].map((test) => [test.id, memory.tests.get(nth(seen, testIdentity(test)))] as const), new Set(memory.tests.values()));
}

/** By mutant object (ids are unique per file only in some tools). */
function stableMutantIds(report: LoadedReport, memory: IdMemory): Map<ReportMutant, string> {
  const seen = new Map<string, number>();
  const mutants: ReportMutant[] = [];
  const pairs: Array<readonly [string, string | undefined]> = [];
  for (const file of report.files.values()) {
    for (const mutant of file.mutants) {
      mutants.push(mutant);
      pairs.push([mutant.id, memory.mutants.get(nth(seen, mutantIdentity(file, mutant)))]);
    }
  }
  const ids = stableIdsInOrder(pairs, new Set(memory.mutants.values()));
  const changed = new Map<ReportMutant, string>();
  mutants.forEach((mutant, index) => {
    const id = ids[index] as string;
    if (id !== mutant.id) changed.set(mutant, id);
  });
  return changed;
}

/** New id → stable id, for the ids that change. */
function stableIds(pairs: ReadonlyArray<readonly [string, string | undefined]>, remembered: ReadonlySet<string>): Map<string, string> {
  const ids = stableIdsInOrder(pairs, remembered);
  const changed = new Map<string, string>();
  pairs.forEach(([id], index) => {
    if (ids[index] !== id) changed.set(id, ids[index] as string);
  });
  return changed;
}

/** Each item's id: its remembered one when free, else its own when no remembered item holds it, else a fresh one. */
function stableIdsInOrder(pairs: ReadonlyArray<readonly [string, string | undefined]>, remembered: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  const ids: Array<string | undefined> = pairs.map(([, old]) => {
    if (old === undefined || used.has(old)) return undefined;
    used.add(old);
    return old;
  });
  return pairs.map(([own], index) => {
    const kept = ids[index];
    if (kept !== undefined) return kept;
    let id = own;
    for (let n = 1; used.has(id) || remembered.has(id); n++) id = `${own}~${n}`;
    used.add(id);
    return id;
  });
}

function renamed(mutant: ReportMutant, id: string | undefined, testIds: ReadonlyMap<string, string>): ReportMutant {
  if (id === undefined && testIds.size === 0) return mutant;
  const tests = (ids: readonly string[] | undefined): readonly string[] | undefined => (ids === undefined || testIds.size === 0 ? ids : ids.map((test) => testIds.get(test) ?? test));
  return { ...mutant, id: id ?? mutant.id, coveredBy: tests(mutant.coveredBy), killedBy: tests(mutant.killedBy) };
}

function testIdentity(test: ReportTest): string {
  return `${test.file ?? ''}\n${test.name}`;
}

function mutantIdentity(file: ReportSourceFile, mutant: ReportMutant): string {
  const { start, end } = mutant.range;
  return `${file.path}\n${mutant.mutatorName}\n${start.line}:${start.character}-${end.line}:${end.character}\n${mutant.replacement ?? ''}`;
}

/** The identity with its occurrence count (two equal tests or mutants stay two). */
function nth(seen: Map<string, number>, identity: string): string {
  const n = seen.get(identity) ?? 0;
  seen.set(identity, n + 1);
  return `${identity}\n${n}`;
}
