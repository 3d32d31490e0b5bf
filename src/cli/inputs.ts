/**
 * Loads what the gate reads, with the extension's own core: the mutation reports and lcov files
 * found by the same globs, each bounded in size; problems become notes (or exit code 2 upstream).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { addToIndex, emptyIndex } from '../core/coverage/coverageIndex';
import { parseLcov } from '../core/coverage/lcov';
import type { LcovFile } from '../core/coverage/lcovTypes';
import { createSfResolver } from '../core/coverage/resolveSf';
import type { GateSettings } from '../core/gate/settingsFile';
import { chooseReports } from '../core/mutation/report/discovery';
import { loadReport } from '../core/mutation/report/load';
import type { LoadedReport } from '../core/mutation/report/model';
import { matchesAnyGlob } from '../core/shared/glob';
import { readTextInside } from './files';

export const MAX_REPORT_BYTES = 256 * 1024 * 1024;
export const MAX_LCOV_BYTES = 256 * 1024 * 1024;

export interface Inputs {
  readonly reports: readonly LoadedReport[];
  /** By absolute path; undefined when no lcov file was found. */
  readonly coverage: ReadonlyMap<string, LcovFile> | undefined;
  readonly reportProblems: readonly string[];
  readonly notes: readonly string[];
}

/** `files`: the walk of `root` (relative, `/`-separated). */
export async function loadInputs(root: string, files: readonly string[], settings: GateSettings): Promise<Inputs> {
  const notes: string[] = [];
  const absolute = (relative: string): string => path.join(root, ...relative.split('/'));
  const reportFiles = files.filter((file) => matchesAnyGlob(file, settings.mutationReports)).map(absolute);
  const lcovFiles = files.filter((file) => matchesAnyGlob(file, settings.coverageReports)).map(absolute);
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    byName.set(name, [...(byName.get(name) ?? []), absolute(file)]);
  }
  const reports: LoadedReport[] = [];
  const reportProblems: string[] = [];
  for (const candidate of chooseReports(reportFiles)) {
    const env = { workspaceFolders: [root], exists: existsSync, maxBytes: MAX_REPORT_BYTES, findFilesNamed: (names: readonly string[]) => Promise.resolve(new Map(names.map((n) => [n, byName.get(n) ?? []]))) };
    const loaded = await loadReport(candidate, env);
    if (loaded.ok) reports.push(loaded.value);
    else reportProblems.push(`Mutation report ${path.relative(root, candidate.path)} ${loaded.error.message}`);
  }
  const coverage = lcovFiles.length === 0 ? undefined : await loadCoverage(root, lcovFiles, settings, notes);
  return { reports, coverage, reportProblems, notes };
}

async function loadCoverage(root: string, lcovFiles: readonly string[], settings: GateSettings, notes: string[]): Promise<Map<string, LcovFile>> {
  const index = emptyIndex();
  const pathMappings = Object.entries(settings.coveragePathMappings).map(([from, to]) => ({ from, to: to.replace(/\$\{workspaceFolder\}/g, root) }));
  for (const file of lcovFiles) {
    const read = await readTextInside(root, file, MAX_LCOV_BYTES);
    const parsed = read.ok ? parseLcov(read.text) : undefined;
    if (parsed === undefined || !parsed.ok) {
      notes.push(`Coverage ${path.relative(root, file)} ${read.ok ? (parsed?.ok === false ? parsed.error.message : '') : read.reason}; left out`);
      continue;
    }
    const resolve = createSfResolver({ lcovPath: file, workspaceFolders: [root], pathMappings, exists: existsSync, separator: path.sep === '\\' ? '\\' : '/' });
    addToIndex(index, parsed.value.files, resolve);
  }
  if (index.unresolved.length > 0) notes.push(`${index.unresolved.length} lcov SF paths name no file here; left out`);
  return index.byPath;
}
