/**
 * The command line of `mutant-lens check`, parsed into plain options. Every problem is one line
 * that says how to fix it (exit code 2).
 */
import { err, ok, type Result } from '../shared/types';

export const FORMATS = ['text', 'json', 'markdown', 'github', 'gitlab'] as const;
export type GateFormat = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly base: string | undefined;
  readonly minPatchCoverage: number | undefined;
  readonly minPatchMutationScore: number | undefined;
  readonly format: GateFormat;
  readonly output: string | undefined;
  /** Globs (relative to the repository root) of changed files left out; undefined: the defaults. */
  readonly exclude: readonly string[] | undefined;
  readonly cwd: string | undefined;
}

export type Command = { readonly kind: 'check'; readonly options: CheckOptions } | { readonly kind: 'help' } | { readonly kind: 'version' };

export const USAGE = `Usage: mutant-lens check [--base <ref>] [--min-patch-coverage <pct>] [--min-patch-mutation-score <pct>]
                          [--format text|json|markdown|github|gitlab] [--output <file>] [--exclude <glob>...] [--cwd <dir>]

Checks the lines changed against the base: which never ran (lcov) and which mutants on them
survived (mutation report). Exit code 0: every gate passes; 1: a gate fails; 2: bad usage or input.`;

const VALUED = new Set(['--base', '--min-patch-coverage', '--min-patch-mutation-score', '--format', '--output', '--exclude', '--cwd']);

/** `argv` without node and the script: e.g. `['check', '--base', 'main']`. */
export function parseCommand(argv: readonly string[]): Result<Command, string> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return ok({ kind: 'help' });
  if (command === '--version' || command === '-v') return ok({ kind: 'version' });
  if (command !== 'check') return err(`Unknown command "${command}": the command is \`mutant-lens check\` (see --help).`);
  const pairs = splitFlags(rest);
  if (!pairs.ok) return pairs;
  return toOptions(pairs.value);
}

function splitFlags(args: readonly string[]): Result<Array<[string, string]>, string> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    // `--flag=value` or `--flag` (its value the next argument).
    const flag = arg.split('=', 1)[0] as string;
    if (!VALUED.has(flag)) return err(`Unknown option "${arg}" (see --help).`);
    if (flag !== arg) {
      pairs.push([flag, arg.slice(flag.length + 1)]);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) return err(`${flag} needs a value (see --help).`);
    pairs.push([flag, value]);
    i++;
  }
  return ok(pairs);
}

function toOptions(pairs: ReadonlyArray<[string, string]>): Result<Command, string> {
  let options: CheckOptions = { base: undefined, minPatchCoverage: undefined, minPatchMutationScore: undefined, format: 'text', output: undefined, exclude: undefined, cwd: undefined };
  for (const [flag, value] of pairs) {
    const next = withOption(options, flag, value);
    if (!next.ok) return next;
    options = next.value;
  }
  return ok({ kind: 'check', options });
}

function withOption(options: CheckOptions, flag: string, value: string): Result<CheckOptions, string> {
  switch (flag) {
    case '--base':
      return value.trim() === '' ? err('--base needs a branch or commit.') : ok({ ...options, base: value.trim() });
    case '--min-patch-coverage':
    case '--min-patch-mutation-score': {
      const pct = percent(flag, value);
      if (!pct.ok) return pct;
      return ok(flag === '--min-patch-coverage' ? { ...options, minPatchCoverage: pct.value } : { ...options, minPatchMutationScore: pct.value });
    }
    case '--format':
      return (FORMATS as readonly string[]).includes(value) ? ok({ ...options, format: value as GateFormat }) : err(`--format must be one of ${FORMATS.join(', ')} (got "${value}").`);
    case '--output':
      return value === '' ? err('--output needs a file path.') : ok({ ...options, output: value });
    case '--exclude':
      return ok({ ...options, exclude: value === '' ? (options.exclude ?? []) : [...(options.exclude ?? []), value] });
    default:
      return value === '' ? err('--cwd needs a folder.') : ok({ ...options, cwd: value });
  }
}

function percent(flag: string, value: string): Result<number, string> {
  const number = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  // The pattern admits no sign: a number is never below 0.
  if (Number.isNaN(number) || number > 100) return err(`${flag} must be a percentage from 0 to 100 (got "${value}").`);
  return ok(number);
}
