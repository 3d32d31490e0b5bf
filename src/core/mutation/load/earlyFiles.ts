/**
 * A first load's priority files before the whole report is parsed: the structural scan
 * (fileSpans) finds the keys that can name a priority file, and a mini report of the top-level
 * members and just those files goes through the same parse, normalise, validate (same ajv) and
 * build as the whole report. Every doubt gives nothing: the whole load follows anyway.
 */
import * as path from 'node:path';
import { buildContextOf, buildLoadedReport } from '../report/build';
import type { ReportCandidate } from '../report/discovery';
import type { LoadedReport, ReportSourceFile } from '../report/model';
import { parseReportText } from '../report/parse';
import { normaliseKey, resolveReportKey, type KeyContext } from '../report/resolveKeys';
import { scanReportSpans, type MemberSpans, type ReportSpans, type Span, type StopAfter } from './fileSpans';

export interface EarlyContext {
  readonly workspaceFolders: readonly string[];
  readonly exists: (file: string) => boolean;
}

/** The report-level members a mini report carries (the schema requires the first two). */
const HEAD_MEMBERS = ['schemaVersion', 'thresholds', 'projectRoot'] as const;

type Candidate = Pick<ReportCandidate, 'path' | 'tool' | 'packageDir'>;

/**
 * The mini report built from the priority files' entries, holding only priority files (priority
 * order); undefined when there is none or any doubt. The scan stops at the first key that names the
 * first priority file (the active editor's) where no later key can change that file
 * (stopAtActiveFile); the other priority files then come only from the keys before it. A key the
 * scan did not reach could only have added a doubt (a schema error, a suffix match, a duplicate):
 * the whole load, which follows anyway, finds those and withdraws the early files if it fails.
 */
export function earlyReport(text: Uint8Array, candidate: Candidate, priority: readonly string[], context: EarlyContext): LoadedReport | undefined {
  const active = priority[0];
  if (active === undefined) return undefined;
  const spans = scanReportSpans(text, stopAtActiveFile(text, candidate, active, context));
  return spans === undefined ? undefined : fromSpans(text, spans, candidate, priority, context);
}

function fromSpans(text: Uint8Array, spans: ReportSpans, candidate: Candidate, priority: readonly string[], context: EarlyContext): LoadedReport | undefined {
  const members = candidateMembers(spans.files, priority);
  if (members.length === 0) return undefined;
  const parsed = parseReportText(miniReportText(text, spans, members), 'json');
  if (!parsed.ok) return undefined;
  const names = new Set(priority.map((file) => path.basename(file)));
  let askedForPriority = false;
  const built = buildLoadedReport(
    parsed.value,
    buildContextOf(candidate, {
      workspaceFolders: context.workspaceFolders,
      exists: context.exists,
      filesNamed: (name) => {
        askedForPriority ||= names.has(name);
        return [];
      },
    }),
  );
  // A key that only a suffix match can resolve to a priority file needs the host's answer: left to the whole load.
  if (askedForPriority) return undefined;
  const files = new Map<string, ReportSourceFile>();
  for (const wanted of priority) {
    const file = built.files.get(wanted);
    if (file !== undefined) files.set(wanted, file);
  }
  return files.size === 0 ? undefined : { ...built, files };
}

/**
 * Where the scan can stop: at a key that names the active file itself, without a suffix match (of
 * two keys naming one file the first wins, so no later key can change it), once the report-level
 * members the mini report carries were all read before `files` (StrykerJS writes `files` first:
 * its reports are scanned whole), in a text that ends as an object does (a report cut off while
 * being written seldom does; if it does, the whole load finds it out and the early files go).
 */
function stopAtActiveFile(text: Uint8Array, candidate: Candidate, active: string, context: EarlyContext): StopAfter | undefined {
  if (lastNonSpace(text) !== CLOSE_BRACE) return undefined;
  const name = path.basename(active);
  return (files, top) => {
    const key = (files[files.length - 1] as MemberSpans).key;
    if (!key.includes(name) || !HEAD_MEMBERS.every((head) => top.has(head))) return false;
    // The report's own projectRoot, as the build reads it (one that is not a string fails the schema).
    const projectRoot = parsedOrUndefined(slice(text, top.get('projectRoot') as Span));
    return typeof projectRoot === 'string' && resolvesExactly(key, { packageDir: candidate.packageDir, projectRoot, ...context }, active);
  };
}

/** Whether the build resolves `key` to `file` without a suffix match (that needs the host's answer: none is given here). */
function resolvesExactly(key: string, keys: Omit<KeyContext, 'filesNamed'>, file: string): boolean {
  // Stryker disable next-line ArrayDeclaration: a suffix match keeps only names inside a workspace folder, and Stryker's is in none
  const resolved = resolveReportKey(key, { ...keys, filesNamed: () => [] });
  return 'path' in resolved && resolved.path === file;
}

// Stryker disable BlockStatement: an empty catch gives undefined too
function parsedOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
// Stryker restore BlockStatement

const CLOSE_BRACE = 125;

/** The last byte that is not JSON's whitespace (undefined when there is none: text[-1] is undefined). */
function lastNonSpace(text: Uint8Array): number | undefined {
  let i = text.length - 1;
  while (text[i] === 32 || text[i] === 10 || text[i] === 13 || text[i] === 9) i--;
  return text[i];
}

/**
 * Every key that can resolve to a priority file, in the report's order (so that of two keys naming
 * one file the first wins, as in the whole report): the keys that contain the file's base name,
 * and those whose last name can come from elsewhere: a `..` segment (it removes names), or only
 * `.` and empty segments (the project root or package folder itself).
 */
export function candidateMembers(files: readonly MemberSpans[], priority: readonly string[]): MemberSpans[] {
  const names = [...new Set(priority.map((file) => path.basename(file)))].filter((name) => name !== '');
  return files.filter((member) => {
    const key = normaliseKey(member.key);
    return names.some((name) => key.includes(name)) || namesComeFromElsewhere(key);
  });
}

function namesComeFromElsewhere(key: string): boolean {
  const segments = key.split('/');
  return segments.includes('..') || segments.every((segment) => segment === '' || segment === '.');
}

/** The top-level members (but files) and the chosen files' members, cut from the bytes as written. */
function miniReportText(text: Uint8Array, spans: ReportSpans, members: readonly MemberSpans[]): string {
  const parts: string[] = [];
  for (const name of HEAD_MEMBERS) {
    const span = spans.top.get(name);
    if (span !== undefined) parts.push(`${JSON.stringify(name)}:${slice(text, span)}`);
  }
  const files = members.map((member) => `${slice(text, member.keySpan)}:${slice(text, member.value)}`);
  parts.push(`"files":{${files.join(',')}}`);
  return `{${parts.join(',')}}`;
}

const decoder = new TextDecoder();

function slice(text: Uint8Array, span: Span): string {
  return decoder.decode(text.subarray(span.start, span.end));
}
