import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { readBounded } from '../../shared/fileProbe';
import { err, ok, type Result } from '../../shared/types';
import { buildContextOf, buildLoadedReport } from './build';
import type { ReportCandidate } from './discovery';
import type { LoadedReport } from './model';
import type { LoadEnvironment, LoadProblem } from './loadTypes';
import { parseReportText } from './parse';
import { TOOL_READERS } from '../tools/readers';
import { loadMutmutReport } from '../tools/mutmut/load';

export type { LoadEnvironment, LoadProblem } from './loadTypes';

/** Reads, parses, validates and indexes one report file. Never throws. */
export async function loadReport(candidate: ReportCandidate, env: LoadEnvironment): Promise<Result<LoadedReport, LoadProblem>> {
  if (candidate.tool === 'mutmut') return loadMutmutReport(candidate, env);
  const toolReader = TOOL_READERS[candidate.format];
  if (toolReader !== undefined) return toolReader(candidate, env);
  const notes: string[] = [];
  const raw = await readAndParse(candidate, env, notes);
  if (!raw.ok) return raw;
  return ok(withNotes(await indexReport(raw.value, candidate, env), notes));
}

/** Indexes a validated report (read from disk, or fetched from a Dashboard): keys resolved, positions 0-based. */
export async function indexReport(raw: MutationTestResult, candidate: ReportCandidate, env: Omit<LoadEnvironment, 'maxBytes'>): Promise<LoadedReport> {
  const asked = new Set<string>();
  let named: ReadonlyMap<string, readonly string[]> = new Map();
  const build = (): LoadedReport =>
    buildLoadedReport(
      raw,
      buildContextOf(candidate, {
        workspaceFolders: env.workspaceFolders,
        exists: env.exists,
        filesNamed: (name) => {
          asked.add(name);
          return named.get(name) ?? [];
        },
      }),
    );
  const first = build();
  if (asked.size === 0) return first;
  named = await env.findFilesNamed([...asked]);
  return build();
}

function withNotes(report: LoadedReport, notes: readonly string[]): LoadedReport {
  return notes.length === 0 ? report : { ...report, normalised: notes[0] };
}

/**
 * A function of its own so that the text (as large as the file) is garbage once parsed: held in
 * loadReport's frame it stayed alive while the model was built, adding the file's size to the peak heap.
 */
async function readAndParse(candidate: ReportCandidate, env: Pick<LoadEnvironment, 'maxBytes' | 'beforeParse' | 'whileReading'>, notes: string[]): Promise<Result<MutationTestResult, LoadProblem>> {
  const bytes = await readReport(candidate.path, env.maxBytes, env.whileReading);
  if (!bytes.ok) return bytes;
  if (candidate.format === 'json') env.beforeParse?.(bytes.value);
  return parseReportText(decoded(bytes.value), candidate.format, (note) => notes.push(note));
}

/**
 * Read whole and decoded once: readFile(path, 'utf8') decodes in chunks into a string of pieces,
 * which JSON.parse first copies into one flat string, so the report's text was on the heap twice.
 */
function decoded(bytes: Buffer): string {
  return bytes.toString('utf8');
}

async function readReport(path: string, maxBytes: number, whileReading?: () => void): Promise<Result<Buffer, LoadProblem>> {
  const read = await readBounded(path, maxBytes, whileReading);
  if (read.ok) return ok(read.bytes);
  if (read.kind === 'too-large') return err({ kind: 'too-large', message: `${read.message} (setting mutantLens.maxReportSizeMB)` });
  return err({ kind: read.kind === 'missing' ? 'missing' : 'unreadable', message: read.message });
}
