// One mutation report of the corpus: Mutant Lens's verdict and figures against the schema's
// verdict, the upstream `expect`, and mutation-testing-metrics; the same report embedded in an
// html page must read the same; load time against JSON.parse of the same text.
import { readFileSync } from 'node:fs';
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import type { CorpusEntry } from './corpus';
import { referenceFigures, schemaVerdict, type ReportFigures } from './mutationReference';
import { asHtmlPage, buildFromText, candidateFor, loadOurs, ourFigures, workspaceOf, type Workspace } from './mutationOurs';

export interface Outcome {
  /** One sentence per difference from the references. */
  readonly differences: string[];
  /** The file's line of the tier's output, without the difference count. */
  readonly summary: string;
  /** Mutant Lens's load time over JSON.parse's, when the report was accepted. */
  readonly ratio: number | undefined;
}

export async function checkMutationReport(corpus: string, entry: CorpusEntry): Promise<Outcome> {
  const file = `${corpus}/${entry.file}`;
  const text = readFileSync(file, 'utf8');
  const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  const keys = Object.keys((raw as { files?: object } | null)?.files ?? {});
  const candidate = candidateFor(file, entry.layout ?? 'reports/mutation/mutation.json');
  const refused = schemaVerdict(raw);
  const loaded = await loadOurs(candidate, keys);
  const differences: string[] = [];
  const ours = loaded.ok ? 'accepts' : 'refuses';
  const schema = refused === undefined ? 'accepts' : 'refuses';
  if (ours !== schema) differences.push(`verdict: Mutant Lens ${ours}, the schema ${schema}${refused === undefined ? '' : ` (${refused})`}${loaded.ok ? '' : ` (Mutant Lens: ${loaded.error.message})`}`);
  if (entry.expect !== undefined && (entry.expect === 'valid') !== loaded.ok) differences.push(`expect: upstream says ${entry.expect}, Mutant Lens ${ours}`);
  if (!loaded.ok) return { differences, summary: `refused: ${loaded.error.message}; the schema ${schema}`, ratio: undefined };
  const report = loaded.value;
  if (report.ignoredKeys.length > 0) differences.push(`keys not shown: ${report.ignoredKeys.map((k) => `${JSON.stringify(k.key)} ${k.reason}`).join('; ')}`);
  if (report.droppedMutants > 0) differences.push(`mutants dropped (end before start): ${report.droppedMutants}`);
  const reference = referenceFigures(raw as MutationTestResult);
  const figures = ourFigures(report);
  differences.push(...figureDifferences(figures, reference));
  const workspace = workspaceOf(keys);
  if (!sameAsHtml(text, candidate, workspace)) differences.push('html: the report embedded in a StrykerJS page reads differently from the json');
  const mutants = [...report.files.values()].reduce((total, f) => total + f.mutants.length, 0);
  const ratio = loadRatio(text, () => buildFromText(text, 'json', candidate, workspace));
  const normalised = report.normalised === undefined ? '' : `; ${report.normalised.replace(/ \(.*\)$/, '')}`;
  const summary = `accepted (schema ${schema}); ${report.files.size} files, ${mutants} mutants, score ${percent(figures.score)} (metrics ${percent(reference.score)})${normalised}; load ${ratio.toFixed(2)}× JSON.parse`;
  return { differences, summary, ratio };
}

function percent(score: number): string {
  return Number.isNaN(score) ? 'n/a' : `${score.toFixed(2)}%`;
}

function sameScore(a: number, b: number): boolean {
  return Object.is(a, b) || Math.abs(a - b) < 1e-9;
}

export function figureDifferences(ours: ReportFigures, reference: ReportFigures): string[] {
  const differences: string[] = [];
  if (!sameScore(ours.score, reference.score)) differences.push(`report score: Mutant Lens ${ours.score}, metrics ${reference.score}`);
  for (const [key, expected] of reference.files) {
    const actual = ours.files.get(key);
    if (actual === undefined) {
      differences.push(`file ${JSON.stringify(key)}: not read by Mutant Lens`);
      continue;
    }
    if (JSON.stringify(actual.counts) !== JSON.stringify(expected.counts)) differences.push(`file ${JSON.stringify(key)}: counts Mutant Lens ${JSON.stringify(actual.counts)}, metrics ${JSON.stringify(expected.counts)}`);
    if (!sameScore(actual.score, expected.score)) differences.push(`file ${JSON.stringify(key)}: score Mutant Lens ${actual.score}, metrics ${expected.score}`);
    const onlyOurs = actual.mutants.filter((m) => !expected.mutants.includes(m));
    const onlyReference = expected.mutants.filter((m) => !actual.mutants.includes(m));
    if (onlyOurs.length + onlyReference.length > 0) {
      differences.push(`file ${JSON.stringify(key)}: mutants only Mutant Lens ${JSON.stringify(onlyOurs.slice(0, 3))}${onlyOurs.length > 3 ? ` (${onlyOurs.length})` : ''}, only metrics ${JSON.stringify(onlyReference.slice(0, 3))}${onlyReference.length > 3 ? ` (${onlyReference.length})` : ''}`);
    }
  }
  for (const key of ours.files.keys()) if (!reference.files.has(key)) differences.push(`file ${JSON.stringify(key)}: only Mutant Lens has it`);
  return differences;
}

function sameAsHtml(json: string, candidate: Parameters<typeof buildFromText>[2], workspace: Workspace): boolean {
  const fromJson = buildFromText(json, 'json', candidate, workspace);
  const fromHtml = buildFromText(asHtmlPage(json), 'html', { ...candidate, format: 'html' }, workspace);
  return JSON.stringify(plain(fromJson)) === JSON.stringify(plain(fromHtml));
}

function plain(report: ReturnType<typeof buildFromText>): unknown {
  if (typeof report === 'string') return report;
  return { ...report, files: [...report.files.values()], tests: [...report.tests.values()] };
}

/**
 * Best of several interleaved runs after one warm-up: Mutant Lens's work after reading (parse,
 * normalise, validate; resolve keys and index) over JSON.parse of the same text. The virtual
 * workspace the keys resolve in is made once before (workspaceOf), as the editor's file search is
 * no part of that work; a report with keys only that search resolves is indexed twice, as
 * loadReport does (buildFromText). Reported, never
 * asserted (speed belongs to the bench; on a busy machine single runs vary a lot). A report under
 * 100 kB gets 51 runs: its runs take microseconds, and one preemption in a best of 11 decided it;
 * the largest get 11 like the rest (5 runs let noise decide rust-url's ratio between 1.5× and 7×).
 */
/**
 * The best of many alternating runs of each, timed apart: at least 11 (51 for texts under 100 kB)
 * and at least 100 ms of loads, so that a small report's loads reach the state the JIT settles
 * in (after the large reports, the load's code runs unoptimised for its first few dozen small
 * ones; JSON.parse is native and needs no warming).
 */
function loadRatio(text: string, load: () => unknown): number {
  const minimumRuns = text.length < 100_000 ? 51 : 11;
  let ours = Infinity;
  let baseline = Infinity;
  let spent = 0;
  JSON.parse(text);
  load();
  for (let i = 0; i < minimumRuns || spent < 100_000_000; i++) {
    let started = process.hrtime.bigint();
    JSON.parse(text);
    baseline = Math.min(baseline, Number(process.hrtime.bigint() - started));
    started = process.hrtime.bigint();
    load();
    const took = Number(process.hrtime.bigint() - started);
    ours = Math.min(ours, took);
    spent += took;
  }
  return ours / baseline;
}
