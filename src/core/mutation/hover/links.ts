/** The extension's own command ids used from hovers and code actions, and command links to them. */

export const COMMAND_OPEN_MUTANT_DIFF = 'mutantLens.openMutantDiff';
export const COMMAND_DISABLE_MUTANT = 'mutantLens.disableMutant';
export const COMMAND_COPY_TEST_PROMPT = 'mutantLens.copyTestPrompt';
/** Added by the rerun feature; linked only when it is registered. */
export const COMMAND_RERUN_FILE = 'mutantLens.rerunFile';

/** Names one shown mutant across a command call: ids are unique within one report only. */
export interface MutantRef {
  /** Absolute path of the source file. */
  readonly path: string;
  /** Absolute path of the report file. */
  readonly report: string;
  readonly id: string;
}

/** True when `value` has the shape of a MutantRef (command arguments arrive as parsed JSON). */
export function isMutantRef(value: unknown): value is MutantRef {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.path === 'string' && typeof record.report === 'string' && typeof record.id === 'string';
}

/**
 * The query of a `command:` URI: the JSON of the argument list, percent-encoded. Beyond
 * encodeURIComponent, the characters it leaves alone (`( ) ! * ' ~`) are encoded too: an
 * unbalanced parenthesis from a path or id would otherwise end the markdown link early.
 */
export function encodeCommandArgs(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(
    /[()!*'~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A markdown link that runs `command` with `args`; `label` is the extension's own text. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  return `[${label}](command:${command}?${encodeCommandArgs(args)})`;
}
