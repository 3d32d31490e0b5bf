import * as path from 'node:path';
import type { ReportTool } from './model';
import type { ReportFormat } from './parse';

/**
 * Which report files to load. Per package, StrykerJS's json report wins over the html report,
 * which wins over the incremental file; of Stryker.NET and Stryker4s timestamped folders the
 * newest wins; pitest and unrecognised files are each their own report. pitest's own
 * `mutations.xml` (newest timestamp folder first) is read only when the package has no pitest
 * schema report; cargo-mutants' `mutants.out/outcomes.json` is one report per output folder
 * (`mutants.out.old` is never matched).
 */
export interface ReportCandidate {
  readonly path: string;
  readonly format: ReportFormat;
  readonly tool: ReportTool;
  /** The folder the report's relative keys are relative to. */
  readonly packageDir: string;
  /** Candidates with the same group compete; the lowest rank wins. */
  readonly group: string;
  readonly rank: string;
  /** Set for a report that does not come from a workspace file (then `path` is its URL). */
  readonly origin?: RemoteOrigin;
}

/** Where a remote report came from and when: shown in the report list. */
export interface RemoteOrigin {
  readonly kind: 'dashboard';
  readonly url: string;
  /** When the server last sent or confirmed it, ms since the epoch; undefined before the first success. */
  readonly fetchedAt: number | undefined;
  /** `network`, `not-modified` (a 304 confirmed the cached copy), `cache` (read from the cache only), `live` (a CI run in progress). */
  readonly from: 'network' | 'not-modified' | 'cache' | 'live';
}

interface Pattern {
  readonly regex: RegExp;
  readonly tool: ReportTool;
  readonly format: ReportFormat;
  readonly rank: (match: RegExpExecArray) => string;
}

const PATTERNS: readonly Pattern[] = [
  { regex: /^(.*)\/reports\/mutation\/mutation\.json$/, tool: 'stryker-js', format: 'json', rank: () => '0' },
  { regex: /^(.*)\/reports\/mutation\/mutation\.html$/, tool: 'stryker-js', format: 'html', rank: () => '1' },
  { regex: /^(.*)\/reports\/stryker-incremental\.json$/, tool: 'stryker-js', format: 'json', rank: () => '2' },
  { regex: /^(.*)\/StrykerOutput\/([^/]+)\/reports\/mutation-report\.json$/, tool: 'stryker-net', format: 'json', rank: newestFirst },
  { regex: /^(.*)\/target\/stryker4s-report\/([^/]+)\/report\.json$/, tool: 'stryker4s', format: 'json', rank: newestFirst },
  { regex: /^(.*)\/mutants\.out\/outcomes\.json$/, tool: 'cargo-mutants', format: 'cargo-mutants', rank: () => '0' },
  { regex: /^(.*)\/target\/pit-reports\/(?:(.*)\/)?mutations\.xml$/, tool: 'pitest', format: 'pitest-xml', rank: newestFirst },
  // mutmut 3: one `.meta` per source file, each its own report (the first `mutants/` is the project's).
  { regex: /^(.*?)\/mutants\/(.+\.py)\.meta$/, tool: 'mutmut', format: 'json', rank: () => '0' },
];

/** Inverts a timestamp folder name so that the newest sorts first (names of equal length compare as text). */
function newestFirst(match: RegExpExecArray): string {
  const stamp = match[2] ?? '';
  return Array.from(stamp, (char) => String.fromCharCode(0xffff - char.charCodeAt(0))).join('').padStart(64, '\uffff');
}

export function classifyReport(file: string): ReportCandidate {
  const slashed = file.replace(/\\/g, '/');
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(slashed);
    if (match !== null) {
      const packageDir = path.normalize(match[1] === '' ? '/' : (match[1] ?? '/'));
      const group = pattern.tool === 'mutmut' ? file : `${pattern.tool}:${packageDir}`;
      return { path: file, format: pattern.format, tool: pattern.tool, packageDir, group, rank: pattern.rank(match) };
    }
  }
  const pit = /^(.*)\/target\/pit-reports\//.exec(slashed);
  const format: ReportFormat = slashed.endsWith('.html') ? 'html' : 'json';
  if (pit !== null) return { path: file, format, tool: 'pitest', packageDir: path.normalize(pit[1] ?? '/'), group: file, rank: '0' };
  return { path: file, format, tool: 'unknown', packageDir: path.dirname(file), group: file, rank: '0' };
}

/** The winning candidate of each group, in path order. */
export function chooseReports(files: readonly string[]): ReportCandidate[] {
  const winners = new Map<string, ReportCandidate>();
  for (const candidate of files.map(classifyReport)) {
    const current = winners.get(candidate.group);
    if (current === undefined || candidate.rank < current.rank) winners.set(candidate.group, candidate);
  }
  const pitestJson = new Set([...winners.values()].filter((c) => c.tool === 'pitest' && c.format === 'json').map((c) => c.packageDir));
  const chosen = [...winners.values()].filter((c) => c.format !== 'pitest-xml' || !pitestJson.has(c.packageDir));
  return chosen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
