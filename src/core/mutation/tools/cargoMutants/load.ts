import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { err, type Result } from '../../../shared/types';
import type { ReportCandidate } from '../../report/discovery';
import type { LoadEnvironment, LoadProblem } from '../../report/loadTypes';
import type { LoadedReport } from '../../report/model';
import { parseJson } from '../../report/parse';
import { buildToolReport, readResultFile, type ToolMutant } from '../toolReport';
import { cargoStatus, outcomesOf, untestedOf, type CargoOutcome } from './outcomes';
import { placeCargoSpan } from './place';

/** A diff file larger than this is not read (the mutant is then placed without the check). */
const MAX_DIFF_BYTES = 1024 * 1024;

/** Reads `mutants.out/outcomes.json` (the candidate), `mutants.json` and the `diff/` files beside it. */
export async function loadCargoMutants(candidate: ReportCandidate, env: LoadEnvironment): Promise<Result<LoadedReport, LoadProblem>> {
  const text = await readResultFile(candidate.path, env.maxBytes);
  if (!text.ok) return text;
  const data = parseJson(text.value);
  if (!data.ok) return data;
  const parsed = outcomesOf(data.value);
  if (parsed === undefined) return err({ kind: 'schema', message: 'is not a cargo-mutants outcomes.json (no "outcomes" list)' });
  const outDir = path.dirname(candidate.path);
  const listed = await readListed(path.join(outDir, 'mutants.json'), env.maxBytes);
  const all = [...parsed.outcomes, ...untestedOf(listed, parsed.outcomes)];
  // mutants.json carries each mutant's diff (the same text as its diff/ file): one read instead of one per mutant.
  const diffs = listedDiffs(listed);
  const mutants = await Promise.all(all.map(async (outcome) => toToolMutant(outcome, diffs.get(outcome.mutant.name) ?? (await readDiff(outDir, outcome.diffPath)))));
  return buildToolReport({ mutants, malformed: parsed.malformed, language: 'rust', tests: [] }, candidate, env);
}

/** mutants.json when it is there and whole; anything else counts as an empty list. */
async function readListed(file: string, maxBytes: number): Promise<unknown> {
  const text = await readResultFile(file, maxBytes);
  if (!text.ok) return [];
  const data = parseJson(text.value);
  return data.ok ? data.value : [];
}

/** The `diff` of each mutant in mutants.json, by name. */
export function listedDiffs(listed: unknown): Map<string, string> {
  const diffs = new Map<string, string>();
  if (!Array.isArray(listed)) return diffs;
  for (const entry of listed as unknown[]) {
    const { name, diff } = (typeof entry === 'object' && entry !== null ? entry : {}) as { name?: unknown; diff?: unknown };
    if (typeof name === 'string' && typeof diff === 'string') diffs.set(name, diff);
  }
  return diffs;
}

/** The mutant's diff file, only inside mutants.out. */
async function readDiff(outDir: string, diffPath: string | undefined): Promise<string | undefined> {
  if (diffPath === undefined || path.isAbsolute(diffPath) || diffPath.split(/[\\/]/).includes('..')) return undefined;
  const file = path.join(outDir, diffPath);
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_DIFF_BYTES) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function toToolMutant(outcome: CargoOutcome, diff: string | undefined): ToolMutant {
  const { mutant } = outcome;
  const { status, reason } = cargoStatus(outcome.summary);
  return {
    key: mutant.file,
    id: mutant.name,
    mutatorName: mutant.genre,
    replacement: mutant.replacement,
    description: undefined,
    status,
    statusReason: reason,
    killedBy: undefined,
    label: mutant.name,
    place: (_source, lines) => placeCargoSpan(mutant.span, lines, diff),
  };
}
