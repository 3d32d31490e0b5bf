/**
 * The settings the gate shares with the extension, read from a workspace's `.vscode/settings.json`
 * (JSON with comments and trailing commas). Only what says where to look and what to compare with
 * is taken: never a program or a limit (a repository's own files must not choose what runs).
 */
import { DEFAULT_COVERAGE_REPORTS, DEFAULT_MUTATION_REPORTS } from '../shared/settingDefaults';
import { err, ok, type Result } from '../shared/types';

export interface GateSettings {
  readonly mutationReports: readonly string[];
  readonly coverageReports: readonly string[];
  /** SF prefix → local prefix, `${workspaceFolder}` not yet substituted. */
  readonly coveragePathMappings: Readonly<Record<string, string>>;
  readonly diffBase: string;
}

export const DEFAULT_GATE_SETTINGS: GateSettings = { mutationReports: DEFAULT_MUTATION_REPORTS, coverageReports: DEFAULT_COVERAGE_REPORTS, coveragePathMappings: {}, diffBase: '' };

/** Reads the settings text; a value of the wrong type keeps the default. */
export function parseSettingsFile(text: string): Result<GateSettings, string> {
  let value: unknown;
  try {
    value = JSON.parse(stripJsonComments(text));
  } catch (error) {
    return err(`is not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return err('is not a JSON object');
  const settings = value as Record<string, unknown>;
  return ok({
    mutationReports: globs(settings['mutantLens.mutationReports']) ?? DEFAULT_MUTATION_REPORTS,
    coverageReports: globs(settings['mutantLens.coverageReports']) ?? DEFAULT_COVERAGE_REPORTS,
    coveragePathMappings: stringRecord(settings['mutantLens.coverage.pathMappings']),
    diffBase: typeof settings['mutantLens.diffBase'] === 'string' ? settings['mutantLens.diffBase'].trim() : '',
  });
}

function globs(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((glob): glob is string => typeof glob === 'string' && glob !== '') : undefined;
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== ''));
}

/** Removes `//` and `/* *\/` comments, and commas before `}` or `]`, outside strings. */
export function stripJsonComments(text: string): string {
  let out = '';
  let comma = -1;
  let i = 0;
  // Stryker disable next-line EqualityOperator: one more turn at the end reads no character and appends ''
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '/' && text[i + 1] === '/') {
      i += text.slice(i).search(/\n|$/);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      // Stryker disable next-line EqualityOperator: close is searched from i + 2, so it is never 0
      i = close < 0 ? text.length : close + 2;
      continue;
    }
    const end = c === '"' ? stringEnd(text, i) : i + 1;
    if ((c === '}' || c === ']') && comma >= 0) out = out.slice(0, comma) + out.slice(comma + 1);
    if (c === ',') comma = out.length;
    else if (!/\s/.test(c)) comma = -1;
    out += text.slice(i, end);
    i = end;
  }
  return out;
}

/** Index just past the string that starts at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  // Stryker disable next-line EqualityOperator: one step past the end is cut back by Math.min below
  while (i < text.length) {
    if (text[i] === '"') break;
    i += text[i] === '\\' ? 2 : 1;
  }
  return Math.min(i + 1, text.length);
}
