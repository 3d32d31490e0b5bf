import { promises as fs } from 'node:fs';
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { err, ok, type Result } from '../../shared/types';
import { buildLoadedReport } from './build';
import type { ReportCandidate } from './discovery';
import type { LoadedReport } from './model';
import { parseReportText, type ReportProblem } from './parse';

export interface LoadProblem {
  /** `incomplete`: probably still being written; `missing`: the file is gone. */
  readonly kind: ReportProblem['kind'] | 'unreadable' | 'too-large' | 'missing';
  readonly message: string;
}

export interface LoadEnvironment {
  readonly workspaceFolders: readonly string[];
  readonly exists: (file: string) => boolean;
  /** Workspace files by base name, for keys that only a suffix match resolves. */
  readonly findFilesNamed: (names: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>;
  readonly maxBytes: number;
}

/** Reads, parses, validates and indexes one report file. Never throws. */
export async function loadReport(candidate: ReportCandidate, env: LoadEnvironment): Promise<Result<LoadedReport, LoadProblem>> {
  const raw = await readAndParse(candidate, env.maxBytes);
  if (!raw.ok) return raw;
  return ok(await indexReport(raw.value, candidate, env));
}

/** Indexes a validated report (read from disk, or fetched from a Dashboard): keys resolved, positions 0-based. */
export async function indexReport(raw: MutationTestResult, candidate: ReportCandidate, env: Omit<LoadEnvironment, 'maxBytes'>): Promise<LoadedReport> {
  const asked = new Set<string>();
  let named: ReadonlyMap<string, readonly string[]> = new Map();
  const build = (): LoadedReport =>
    buildLoadedReport(raw, {
      ...candidate,
      reportPath: candidate.path,
      workspaceFolders: env.workspaceFolders,
      exists: env.exists,
      filesNamed: (name) => {
        asked.add(name);
        return named.get(name) ?? [];
      },
    });
  const first = build();
  if (asked.size === 0) return first;
  named = await env.findFilesNamed([...asked]);
  return build();
}

/**
 * A function of its own so that the text (as large as the file) is garbage once parsed: held in
 * loadReport's frame it stayed alive while the model was built, adding the file's size to the peak heap.
 */
async function readAndParse(candidate: ReportCandidate, maxBytes: number): Promise<Result<MutationTestResult, LoadProblem>> {
  const text = await readReport(candidate.path, maxBytes);
  if (!text.ok) return text;
  return parseReportText(text.value, candidate.format);
}

async function readReport(path: string, maxBytes: number): Promise<Result<string, LoadProblem>> {
  try {
    const stat = await fs.stat(path);
    if (stat.size > maxBytes) {
      return err({ kind: 'too-large', message: `is ${megabytes(stat.size)} MB, more than the ${megabytes(maxBytes)} MB limit (setting mutantLens.maxReportSizeMB)` });
    }
    // Read whole and decoded once: readFile(path, 'utf8') decodes in chunks into a string of pieces,
    // which JSON.parse first copies into one flat string, so the report's text was on the heap twice.
    return ok((await fs.readFile(path)).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err({ kind: 'missing', message: 'no longer exists' });
    return err({ kind: 'unreadable', message: `cannot be read (${code ?? String(error)})` });
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}
