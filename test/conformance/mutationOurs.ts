// Mutant Lens's side of a mutation report: the file read by loadReport (the extension's own
// loading path, discovery's classification included), and the same report embedded in a real
// StrykerJS html page read through the html path.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classifyReport, type ReportCandidate } from '../../src/core/mutation/report/discovery';
import { buildContextOf, buildLoadedReport } from '../../src/core/mutation/report/build';
import { extractEmbeddedReport } from '../../src/core/mutation/report/htmlEmbedded';
import { loadReport, type LoadEnvironment } from '../../src/core/mutation/report/load';
import type { LoadedReport } from '../../src/core/mutation/report/model';
import { parseReportText } from '../../src/core/mutation/report/parse';
import { normaliseKey, type KeyContext } from '../../src/core/mutation/report/resolveKeys';
import { reportScore, scoreOf } from '../../src/core/mutation/score';
import { mutantLine, STATUSES, type Counts, type FileFigures, type ReportFigures } from './mutationReference';

/** The virtual workspace every report is placed in: every path under it exists. */
export const WORKSPACE = '/ws';
const SAMPLE_PAGE = path.resolve(__dirname, '../fixtures/sample-project/reports/mutation/mutation.html');

export function candidateFor(file: string, layout: string): ReportCandidate {
  return { ...classifyReport(`${WORKSPACE}/${layout}`), path: file };
}

/** Where a key would be in the virtual workspace when only a suffix match finds it (absolute keys). */
function placeOf(key: string): string {
  return `${WORKSPACE}/${normaliseKey(key).replace(/^[A-Za-z]:/, '').replace(/^\/+/, '')}`;
}

export function environment(keys: readonly string[]): LoadEnvironment {
  const byName = new Map<string, string[]>();
  for (const key of keys) {
    const place = placeOf(key);
    const name = path.posix.basename(place);
    byName.set(name, [...(byName.get(name) ?? []), place]);
  }
  return {
    workspaceFolders: [WORKSPACE],
    exists: (file) => file.startsWith(`${WORKSPACE}/`),
    findFilesNamed: async (names) => new Map(names.map((name) => [name, [...new Set(byName.get(name) ?? [])]])),
    maxBytes: 256 * 1024 * 1024,
  };
}

export async function loadOurs(candidate: ReportCandidate, keys: readonly string[]): ReturnType<typeof loadReport> {
  return loadReport(candidate, environment(keys));
}

export function ourFigures(report: LoadedReport): ReportFigures {
  const files = new Map<string, FileFigures>();
  for (const file of report.files.values()) {
    const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Counts;
    for (const mutant of file.mutants) counts[mutant.status]++;
    const mutants = file.mutants
      .map((m) => mutantLine(m.id, m.status, { start: { line: m.range.start.line + 1, column: m.range.start.character + 1 }, end: { line: m.range.end.line + 1, column: m.range.end.character + 1 } }))
      .sort();
    files.set(file.key, { counts, score: scoreOf([file]), mutants });
  }
  return { score: reportScore(report), files };
}

/** The report as StrykerJS's html reporter writes it into the real sample page (one line, `<` as `<"+"`). */
export function asHtmlPage(json: string): string {
  const page = readFileSync(SAMPLE_PAGE, 'utf8');
  const embedded = extractEmbeddedReport(page);
  if (!embedded.ok) throw new Error(`the sample page: ${embedded.error}`);
  const at = page.indexOf('      app.report = ');
  const line = `      app.report = ${JSON.stringify(JSON.parse(json)).split('<').join('<"+"')};`;
  return page.slice(0, at) + line + page.slice(page.indexOf('\n', at));
}

/** The virtual workspace as key resolution asks it: the same files as environment(keys), their names looked up ahead. */
export type Workspace = Pick<KeyContext, 'workspaceFolders' | 'exists' | 'filesNamed'>;

export function workspaceOf(keys: readonly string[]): Workspace {
  const env = environment(keys);
  const names = new Map<string, string[]>();
  for (const key of keys) {
    const place = placeOf(key);
    const name = path.posix.basename(place);
    names.set(name, [...new Set([...(names.get(name) ?? []), place])]);
  }
  return { workspaceFolders: env.workspaceFolders, exists: env.exists, filesNamed: (name) => names.get(name) ?? [] };
}

/**
 * The report read from text through parseReportText and buildLoadedReport, as loadReport does after
 * reading: when a key only a suffix match can resolve, a first build asks for the files of its name,
 * and a second one, after the editor's search for them, resolves it (indexReport). The workspace and
 * the answers of that search are made beforehand (workspaceOf): the test's stand-in for the editor's
 * file search is no part of the load that the tier times, both builds are.
 */
export function buildFromText(text: string, format: 'json' | 'html', candidate: ReportCandidate, workspace: Workspace): LoadedReport | string {
  const parsed = parseReportText(text, format);
  if (!parsed.ok) return parsed.error.message;
  let asked = false;
  const unsearched: Workspace = {
    workspaceFolders: workspace.workspaceFolders,
    exists: workspace.exists,
    filesNamed: () => {
      asked = true;
      return [];
    },
  };
  const first = buildLoadedReport(parsed.value, buildContextOf(candidate, unsearched));
  return asked ? buildLoadedReport(parsed.value, buildContextOf(candidate, workspace)) : first;
}
