import type { Range } from '../../shared/types';
import { mutantLines, splitLines } from './mutation';
import { clipEnd, clipStart, fencedBlock } from './text';

/** How much of a mutant the hover shows; the diff view shows everything. */
export interface DiffLimits {
  /** Code units kept of a line's text before the mutant and after it. */
  readonly context: number;
  /** Code units kept per diff line. */
  readonly lineLength: number;
  /** Lines kept per side. */
  readonly lines: number;
}

export const HOVER_DIFF_LIMITS: DiffLimits = { context: 80, lineLength: 300, lines: 20 };

function side(prefix: '-' | '+', text: string, limits: DiffLimits): string[] {
  const lines = splitLines(text);
  const shown = lines.slice(0, limits.lines).map((line) => prefix + clipEnd(line, limits.lineLength));
  const hidden = lines.length - shown.length;
  if (hidden > 0) shown.push(` … ${hidden} more ${hidden === 1 ? 'line' : 'lines'}`);
  return shown;
}

/**
 * The body of a unified diff of the lines a mutant touches: the original lines, each prefixed
 * `-`, then the same lines with `replacement` spliced in at the mutant's columns, each prefixed
 * `+`. Without a replacement only the original lines are given.
 */
export function diffLines(source: string, range: Range, replacement: string | undefined, limits: DiffLimits): string {
  const { before, original, after } = mutantLines(source, range);
  const head = clipStart(before, limits.context);
  const tail = clipEnd(after, limits.context);
  const removed = side('-', head + original + tail, limits);
  const added = replacement === undefined ? [] : side('+', head + replacement + tail, limits);
  return [...removed, ...added].join('\n');
}

/** The diff as a fenced `diff` code block that no backtick run in the code can close. */
export function diffBlock(source: string, range: Range, replacement: string | undefined, limits = HOVER_DIFF_LIMITS): string {
  return fencedBlock('diff', diffLines(source, range, replacement, limits));
}
