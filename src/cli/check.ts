/**
 * `mutant-lens check`: the changed lines against the base, their coverage, the change's mutants
 * and their score, from the same core as the extension; the result for every format.
 */
import * as path from 'node:path';
import { addScores } from '../core/change/patchScore';
import { baseIndexOf, baseSurvivorKeys, newSinceBase, type BaseFile, type BaseIndex } from '../core/change/baseMatch';
import { mergeBaseReportSource } from '../core/change/baseReports';
import { changeSummary, type ChangedFileInput } from '../core/change/summary';
import type { RangedMutant } from '../core/change/verdicts';
import type { ChangedLineSet } from '../core/git/changedLines';
import { changedLinesSince, mergeBase, runGit, type GitContext } from '../core/git/gitCli';
import { DEFAULT_EXCLUDES } from '../core/gate/excludes';
import type { CheckOptions } from '../core/gate/options';
import { checkGates, statusOf, type GateResult, type GateTotals, type Survivor, type UncoveredLine } from '../core/gate/result';
import type { GateSettings } from '../core/gate/settingsFile';
import { parseReportText } from '../core/mutation/report/parse';
import { normaliseKey } from '../core/mutation/report/resolveKeys';
import type { LoadedReport, ReportMutant, ReportSourceFile } from '../core/mutation/report/model';
import { placeMutants } from '../core/mutation/remap/placeMutants';
import { splitLines } from '../core/mutation/remap/lineDiff';
import { textInRange } from '../core/mutation/messages';
import { matchesAnyGlob } from '../core/shared/glob';
import { readTextInside } from './files';
import { loadInputs, MAX_REPORT_BYTES, type Inputs } from './inputs';

/** A problem that stops the check: exit code 2 with this one line. */
export class UsageError extends Error {}

interface ChangeMutant extends RangedMutant {
  readonly mutant: ReportMutant;
}

interface Context {
  readonly git: GitContext;
  readonly root: string;
  readonly base: string;
  readonly mergeBase: string;
  readonly changed: ReadonlyMap<string, ChangedLineSet>;
}

export async function runCheck(options: CheckOptions, settings: GateSettings, gitPath: string, cwd: string, files: readonly string[]): Promise<GateResult> {
  const context = await gitContext(options, settings, gitPath, cwd);
  const inputs = await loadInputs(cwd, files, settings);
  requireInputs(options, inputs, cwd, settings);
  const notes = [...inputs.notes];
  const current = await currentTexts(context, inputs.reports);
  const inputsPerFile: ChangedFileInput<ChangeMutant>[] = [];
  const bases = await baseIndexes(context, inputs.reports, notes);
  for (const [file, changed] of context.changed) {
    const source = sourceOf(inputs.reports, file);
    const text = current.get(file);
    const mutants = source === undefined || text === undefined ? [] : placed(source.file, text, bases.get(source.report)?.get(normaliseKey(source.file.key)), bases.has(source.report));
    inputsPerFile.push({ path: file, changed, coverage: inputs.coverage?.get(file), mutants, baseKnown: source !== undefined && bases.has(source.report) });
  }
  const summary = changeSummary(inputsPerFile);
  const rel = (file: string): string => path.relative(context.root, file).split(path.sep).join('/');
  const totals = (score: ReturnType<typeof addScores>, coverageKnown: boolean): GateTotals => ({
    changedLines: score.changedLines,
    coveredChangedLines: score.coveredChangedLines,
    patchCoverage: !coverageKnown || score.changedLines === 0 ? null : (score.coveredChangedLines / score.changedLines) * 100,
    mutants: score.mutants,
    detected: score.detected,
    undetected: score.undetected,
    patchMutationScore: Number.isNaN(score.mutationScore) ? null : score.mutationScore,
    stale: score.stale,
    newSurvivors: score.newSurvivors ?? null,
  });
  const coverageKnown = inputs.coverage !== undefined;
  const summaryTotals = totals(summary.total, coverageKnown);
  const gates = checkGates(summaryTotals, options);
  const uncovered: UncoveredLine[] = [];
  const survivors: Survivor[] = [];
  for (const [file, result] of summary.files) {
    for (const v of result.verdicts) if (v.verdict === 'not-run') uncovered.push({ file: rel(file), line: v.line + 1, kind: 'uncovered' });
    if (coverageKnown && inputs.coverage?.get(file) === undefined) for (const line of await changedLineList(context.root, context.changed.get(file), file)) uncovered.push({ file: rel(file), line: line + 1, kind: 'no-coverage-data' });
    const lines = splitLines(current.get(file) ?? '');
    for (const m of result.mutants) {
      if (m.stale || (m.status !== 'Survived' && m.status !== 'NoCoverage')) continue;
      survivors.push({ file: rel(file), line: m.range.start.line + 1, column: m.range.start.character + 1, endLine: m.range.end.line + 1, endColumn: m.range.end.character + 1, mutator: m.mutant.mutatorName, replacement: m.mutant.replacement ?? null, original: textInRange(lines, m.range), status: m.status, new: m.newSinceBase ?? null, description: m.mutant.description ?? null });
    }
  }
  const filesOut = [...summary.files.values()].map((f) => ({ file: rel(f.path), ...totals(f.score, coverageKnown && inputs.coverage?.get(f.path) !== undefined) }));
  return { status: statusOf(gates), base: context.base, mergeBase: context.mergeBase, gates, summary: summaryTotals, files: filesOut, uncovered, survivors, notes };
}

async function gitContext(options: CheckOptions, settings: GateSettings, gitPath: string, cwd: string): Promise<Context> {
  const git: GitContext = { gitPath, cwd, timeoutMs: 120_000 };
  const since = await changedLinesSince(git, options.base ?? settings.diffBase);
  if (!since.ok) throw new UsageError(await explainGitError(git, since.error.kind, since.error.message));
  const root = await runGit(git, ['rev-parse', '--show-toplevel']);
  const top = root.ok ? root.value.stdout.trim() : cwd;
  const at = await mergeBase({ ...git, cwd: top }, since.value.base.base);
  if (!at.ok) throw new UsageError(await explainGitError(git, at.error.kind, at.error.message));
  // The reports and lcov files themselves are inputs, never part of the change.
  const excludes = [...(options.exclude ?? DEFAULT_EXCLUDES), ...settings.mutationReports, ...settings.coverageReports];
  const changed = new Map([...since.value.changed].filter(([file]) => !matchesAnyGlob(path.relative(top, file).split(path.sep).join('/'), excludes)));
  return { git: { ...git, cwd: top }, root: top, base: since.value.base.base, mergeBase: at.value, changed };
}

async function explainGitError(git: GitContext, kind: string, message: string): Promise<string> {
  if (kind !== 'baseNotFound') return message;
  const shallow = await runGit(git, ['rev-parse', '--is-shallow-repository']);
  if (!shallow.ok || shallow.value.stdout.trim() !== 'true') return `${message}. Fetch the base branch (git fetch origin <base>) or name one with --base.`;
  return `${message}. This is a shallow clone: fetch the whole history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0), or git fetch --unshallow.`;
}

function requireInputs(options: CheckOptions, inputs: Inputs, cwd: string, settings: GateSettings): void {
  if (inputs.reportProblems.length > 0) throw new UsageError(inputs.reportProblems[0]);
  if (inputs.reports.length === 0 && inputs.coverage === undefined) {
    throw new UsageError(`No mutation report (${settings.mutationReports.join(', ')}) and no lcov file (${settings.coverageReports.join(', ')}) under ${cwd}: run the tests with coverage and Stryker first.`);
  }
  if (options.minPatchMutationScore !== undefined && inputs.reports.length === 0) throw new UsageError(`--min-patch-mutation-score needs a mutation report, and none was found under ${cwd} (${settings.mutationReports.join(', ')}).`);
  if (options.minPatchCoverage !== undefined && inputs.coverage === undefined) throw new UsageError(`--min-patch-coverage needs an lcov file, and none was found under ${cwd} (${settings.coverageReports.join(', ')}).`);
}

function sourceOf(reports: readonly LoadedReport[], file: string): { report: LoadedReport; file: ReportSourceFile } | undefined {
  for (const report of reports) {
    const source = report.files.get(file);
    if (source !== undefined) return { report, file: source };
  }
  return undefined;
}

/** The current text of each changed file that a report has mutants for. */
async function currentTexts(context: Context, reports: readonly LoadedReport[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of context.changed.keys()) {
    if (sourceOf(reports, file) === undefined) continue;
    const read = await readTextInside(context.root, file, MAX_REPORT_BYTES);
    if (read.ok) texts.set(file, read.text);
  }
  return texts;
}

/** Each report's base index (the report file as committed at the merge base), when there is one. */
async function baseIndexes(context: Context, reports: readonly LoadedReport[], notes: string[]): Promise<Map<LoadedReport, BaseIndex>> {
  const bases = new Map<LoadedReport, BaseIndex>();
  const source = mergeBaseReportSource({ gitPath: context.git.gitPath, timeoutMs: context.git.timeoutMs, repoRoot: context.root }, context.base);
  for (const report of reports) {
    const read = await source.read(report.path);
    if (!read.ok) notes.push(`Base report of ${path.relative(context.root, report.path)}: ${read.error}`);
    if (!read.ok || read.value === undefined) continue;
    const parsed = parseReportText(read.value.text, report.path.endsWith('.html') ? 'html' : 'json');
    if (parsed.ok) bases.set(report, baseIndexOf(parsed.value));
    else notes.push(`Base report of ${path.relative(context.root, report.path)} at ${context.mergeBase.slice(0, 12)} ${parsed.error.message}`);
  }
  return bases;
}

function placed(file: ReportSourceFile, current: string, base: BaseFile | undefined, baseKnown: boolean): ChangeMutant[] {
  const keys = baseKnown ? baseSurvivorKeys(base, current) : undefined;
  return placeMutants(file.source, current, file.mutants).placed.map((p) => {
    const shown = { range: p.range, mutatorName: p.mutant.mutatorName, replacement: p.mutant.replacement, status: p.mutant.status, stale: p.stale };
    return { mutant: p.mutant, range: p.range, status: p.mutant.status, stale: p.stale, newSinceBase: newSinceBase(shown, keys) };
  });
}

/** The changed lines of a file as a list (an untracked file: each of its lines). */
async function changedLineList(root: string, changed: ChangedLineSet | undefined, file: string): Promise<readonly number[]> {
  if (changed === undefined) return [];
  if (changed !== 'all') return changed;
  const read = await readTextInside(root, file, MAX_REPORT_BYTES);
  const count = read.ok ? splitLines(read.text).length - (read.text.endsWith('\n') ? 1 : 0) : 0;
  return Array.from({ length: count }, (_, i) => i);
}
