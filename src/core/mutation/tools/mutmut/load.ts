/**
 * Reads what mutmut 3 keeps for one source file into the report model every surface reads:
 * `mutants/<file>.meta` (exit code per mutant), the mutated copy `mutants/<file>` (each mutant a
 * variant of its function), its line index `mutants/<file>.spans`, and the original `<file>`.
 * The `.meta` file is the report: when it changes, the file is read again.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { err, ok, type Result } from '../../../shared/types';
import type { ReportCandidate } from '../../report/discovery';
import type { LoadEnvironment, LoadProblem } from '../../report/loadTypes';
import type { LoadedReport, ReportMutant, ReportSourceFile, UnplacedMutant } from '../../report/model';
import { comparePositions } from '../../report/build';
import { functionText, parseSpans, type LineSpans } from './functions';
import { placeMutant } from './locate';
import { parseMeta, type MetaMutant } from './meta';
import { mutantNames } from './names';
import { mutmutStatusOf, schemaStatusOf } from './status';

/** mutmut has no thresholds of its own: StrykerJS's defaults colour its scores. */
const THRESHOLDS = { high: 80, low: 60, break: undefined };

/** The source file a `.meta` file describes: `<project>/mutants/<file>.meta` → `<project>/<file>`. */
export function mutmutSourceOf(candidate: Pick<ReportCandidate, 'path' | 'packageDir'>): { source: string; mutated: string; key: string } {
  const mutated = candidate.path.slice(0, -'.meta'.length);
  const key = path.relative(path.join(candidate.packageDir, 'mutants'), mutated).split(path.sep).join('/');
  return { source: path.join(candidate.packageDir, key), mutated, key };
}

export async function loadMutmutReport(candidate: ReportCandidate, env: LoadEnvironment): Promise<Result<LoadedReport, LoadProblem>> {
  const metaText = await readBounded(candidate.path, env.maxBytes);
  if (!metaText.ok) return metaText;
  const meta = parseMeta(metaText.value);
  if (!meta.ok) return meta;
  const { source, mutated, key } = mutmutSourceOf(candidate);
  const report = (files: ReportSourceFile[], ignored: LoadedReport['ignoredKeys'], unplaced: UnplacedMutant[] = []): LoadedReport => ({
    path: candidate.path,
    tool: 'mutmut',
    thresholds: THRESHOLDS,
    files: new Map(files.map((file) => [file.path, file])),
    tests: new Map(),
    ignoredKeys: ignored,
    droppedMutants: 0,
    packageDir: candidate.packageDir,
    unplaced,
  });
  const sourceText = await readSource(source, env);
  if (!sourceText.ok) return ok(report([], [{ key, reason: sourceText.error }]));
  const mutatedText = await readBounded(mutated, env.maxBytes);
  if (!mutatedText.ok) return err({ kind: mutatedText.error.kind === 'missing' ? 'incomplete' : mutatedText.error.kind, message: `has no readable mutated file ${path.basename(mutated)} (${mutatedText.error.message})` });
  const spansText = await readBounded(`${mutated}.spans`, env.maxBytes);
  const placed = placeAll(meta.value, mutatedText.value.split(/\r?\n/), parseSpans(spansText.ok ? spansText.value : undefined), sourceText.value.replace(/\r\n/g, '\n'));
  return ok(report([{ path: source, key, language: 'python', source: sourceText.value, mutants: placed.mutants }], [], placed.unplaced));
}

function placeAll(meta: readonly MetaMutant[], mutatedLines: readonly string[], spans: LineSpans | undefined, source: string): { mutants: ReportMutant[]; unplaced: UnplacedMutant[] } {
  const mutants: ReportMutant[] = [];
  const unplaced: UnplacedMutant[] = [];
  const texts = new Map<string, string | undefined>();
  const textOf = (name: string): string | undefined => {
    if (!texts.has(name)) texts.set(name, functionText(mutatedLines, name, spans));
    return texts.get(name);
  };
  for (const { name, exitCode } of meta) {
    const names = mutantNames(name);
    const placement = names === undefined ? { unplaced: 'is not a mutmut mutant name' } : placeMutant(names, textOf(names.orig), textOf(names.variant), source);
    if ('unplaced' in placement) {
      unplaced.push({ id: name, reason: placement.unplaced });
      continue;
    }
    const mutmutStatus = mutmutStatusOf(exitCode);
    mutants.push({
      id: name,
      mutatorName: name,
      replacement: placement.replacement,
      description: undefined,
      status: schemaStatusOf(mutmutStatus),
      statusReason: `mutmut: ${mutmutStatus} (exit code ${exitCode === null ? 'none' : String(exitCode)})`,
      range: placement.range,
      coveredBy: undefined,
      killedBy: undefined,
      isStatic: undefined,
    });
  }
  mutants.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  return { mutants, unplaced };
}

/** The original file: a regular file inside a workspace folder (a link out of it is not read). */
async function readSource(file: string, env: LoadEnvironment): Promise<Result<string, string>> {
  if (!env.exists(file)) return err('does not exist (the mutated file has no original)');
  const real = await fs.realpath(file).catch(() => undefined);
  const folders = await Promise.all(env.workspaceFolders.map((folder) => fs.realpath(folder).catch(() => folder)));
  const inside = real !== undefined && folders.some((folder) => real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  if (!inside) return err('lies outside the workspace and is not read');
  const text = await readBounded(file, env.maxBytes);
  return text.ok ? text : err(`cannot be read (${text.error.message})`);
}

async function readBounded(file: string, maxBytes: number): Promise<Result<string, LoadProblem>> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) return err({ kind: 'too-large', message: `is ${megabytes(stat.size)} MB, more than the ${megabytes(maxBytes)} MB limit (setting mutantLens.maxReportSizeMB)` });
    return ok((await fs.readFile(file)).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err({ kind: 'missing', message: 'no longer exists' });
    return err({ kind: 'unreadable', message: `cannot be read (${code ?? String(error)})` });
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}
