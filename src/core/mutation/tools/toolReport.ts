/**
 * Turns the results of a tool that does not write the mutation-testing-report-schema format
 * (cargo-mutants, pitest's mutations.xml) into the same LoadedReport every surface reads. Those
 * tools embed no source text, so each mutated file is read when the results are loaded (bounded,
 * inside the workspace only) and becomes the report's `source`: later edits are followed by the
 * usual line remap, and a mutant the tool placed where the file no longer fits is left out and
 * named in the log as unplaced.
 */
import { promises as fs } from 'node:fs';
import type { MutantResult, MutationTestResult } from 'mutation-testing-report-schema/api';
import type { MutantStatus } from '../../shared/types';
import { err, ok, type Result } from '../../shared/types';
import { buildLoadedReport } from '../report/build';
import type { ReportCandidate } from '../report/discovery';
import type { LoadEnvironment, LoadProblem } from '../report/loadTypes';
import type { IgnoredKey, LoadedReport } from '../report/model';
import { insideWorkspace, resolveReportKey } from '../report/resolveKeys';

/** 1-based lines, 1-based UTF-16 columns, end exclusive: the schema's convention. */
export interface SchemaLocation {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

export type Placement = { readonly location: SchemaLocation } | { readonly unplaced: string };

export interface ToolMutant {
  /** The file as the tool names it. */
  readonly key: string;
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement: string | undefined;
  readonly description: string | undefined;
  readonly status: MutantStatus;
  readonly statusReason: string | undefined;
  readonly killedBy: readonly string[] | undefined;
  /** How the log names the mutant when it cannot be placed. */
  readonly label: string;
  /** Where the mutant lies in the file's text as read now, or why it cannot be placed there. */
  readonly place: (source: string, lines: readonly string[]) => Placement;
}

export interface ToolResults {
  readonly mutants: readonly ToolMutant[];
  /** Mutants the results name but that cannot be read at all (malformed entries), as log labels. */
  readonly malformed: readonly string[];
  readonly language: string;
  /** Test names by id (pitest's killing tests). */
  readonly tests: readonly string[];
}

const DEFAULT_THRESHOLDS = { high: 80, low: 60 };

/** Resolves the files, reads them, places every mutant and builds the report. */
export async function buildToolReport(results: ToolResults, candidate: ReportCandidate, env: LoadEnvironment): Promise<Result<LoadedReport, LoadProblem>> {
  const byKey = new Map<string, ToolMutant[]>();
  for (const mutant of results.mutants) {
    const same = byKey.get(mutant.key);
    if (same === undefined) byKey.set(mutant.key, [mutant]);
    else same.push(mutant);
  }
  const keys = [...byKey.keys()];
  const resolve = await keyResolver(keys, candidate, env);
  const files: MutationTestResult['files'] = {};
  const ignored: IgnoredKey[] = [];
  const unplaced: string[] = [...results.malformed];
  for (const key of keys) {
    const resolved = resolve(key);
    if ('ignored' in resolved) continue; // buildLoadedReport lists it again with the same reason
    const source = await readSource(resolved.path, env);
    if (!source.ok) {
      ignored.push({ key, reason: source.error });
      continue;
    }
    const lines = source.value.split(/\r\n|\r|\n/);
    const mutants: MutantResult[] = [];
    for (const mutant of byKey.get(key) ?? []) {
      const placement = mutant.place(source.value, lines);
      if ('unplaced' in placement) unplaced.push(`${mutant.label} (${placement.unplaced})`);
      else mutants.push(toResult(mutant, placement.location));
    }
    files[key] = { language: results.language, source: source.value, mutants };
  }
  for (const key of keys) {
    const resolved = resolve(key);
    if ('ignored' in resolved) files[key] ??= { language: results.language, source: '', mutants: [] };
  }
  const raw: MutationTestResult = { schemaVersion: '1', thresholds: DEFAULT_THRESHOLDS, files, testFiles: testFilesOf(results.tests) };
  const report = buildLoadedReport(raw, { ...candidate, reportPath: candidate.path, workspaceFolders: env.workspaceFolders, exists: env.exists, filesNamed: resolve.filesNamed });
  return ok({ ...report, ignoredKeys: [...report.ignoredKeys, ...ignored], unplacedMutants: unplaced });
}

type Resolver = ((key: string) => ReturnType<typeof resolveReportKey>) & { filesNamed: (name: string) => readonly string[] };

/** resolveReportKey with the suffix look-up answered from one search of the workspace. */
async function keyResolver(keys: readonly string[], candidate: ReportCandidate, env: LoadEnvironment): Promise<Resolver> {
  const asked = new Set<string>();
  let named: ReadonlyMap<string, readonly string[]> = new Map();
  const filesNamed = (name: string): readonly string[] => {
    asked.add(name);
    return named.get(name) ?? [];
  };
  const context = { packageDir: candidate.packageDir, projectRoot: undefined, workspaceFolders: env.workspaceFolders, exists: env.exists, filesNamed };
  for (const key of keys) resolveReportKey(key, context);
  if (asked.size > 0) named = await env.findFilesNamed([...asked]);
  return Object.assign((key: string) => resolveReportKey(key, context), { filesNamed });
}

/** The file's text, when its real path (links followed) is inside the workspace and it is not too large. */
export async function readSource(file: string, env: Pick<LoadEnvironment, 'workspaceFolders' | 'maxBytes'>): Promise<Result<string, string>> {
  try {
    const real = await fs.realpath(file);
    const folders = await Promise.all(env.workspaceFolders.map((folder) => fs.realpath(folder).catch(() => folder)));
    if (!insideWorkspace(real, folders)) return err(`is a link that leads outside the workspace (${real})`);
    const stat = await fs.stat(real);
    if (stat.size > env.maxBytes) return err(`is larger than the report size limit (setting mutantLens.maxReportSizeMB)`);
    return ok((await fs.readFile(real)).toString('utf8'));
  } catch (error) {
    return err(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function toResult(mutant: ToolMutant, location: SchemaLocation): MutantResult {
  return {
    id: mutant.id,
    mutatorName: mutant.mutatorName,
    replacement: mutant.replacement,
    description: mutant.description,
    status: mutant.status,
    statusReason: mutant.statusReason,
    killedBy: mutant.killedBy === undefined ? undefined : [...mutant.killedBy],
    location,
  };
}

function testFilesOf(tests: readonly string[]): MutationTestResult['testFiles'] {
  if (tests.length === 0) return undefined;
  return { '': { tests: tests.map((name) => ({ id: name, name })) } };
}


/** A result file's text, bounded as reports are (the same messages as the schema reports' reader). */
export async function readResultFile(file: string, maxBytes: number): Promise<Result<string, LoadProblem>> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) return err({ kind: 'too-large', message: `is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit (setting mutantLens.maxReportSizeMB)` });
    return ok((await fs.readFile(file)).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err({ kind: 'missing', message: 'no longer exists' });
    return err({ kind: 'unreadable', message: `cannot be read (${code ?? String(error)})` });
  }
}
