/**
 * Where a mutmut mutant lies in the original file, and what replaces it: the variant function is
 * compared with the unmutated copy (both from mutmut's mutated file), the smallest differing span
 * is widened to whole tokens (so `50` → `51`, not `0` → `1`; `>` → `>=`, not an insertion of `=`),
 * and the unmutated function is found, exactly once, in the original file's current text.
 */
import type { Range } from '../../../shared/types';
import type { MutantNames } from './names';

export type Placement = { readonly range: Range; readonly replacement: string } | { readonly unplaced: string };

/** The text after the function's name: parameters and body, identical in the copy and the original. */
function afterName(functionText: string, name: string): string | undefined {
  const at = /^[ \t]*(?:async[ \t]+)?def[ \t]+/.exec(functionText);
  if (at === null || !functionText.startsWith(name, at[0].length)) return undefined;
  return functionText.slice(at[0].length + name.length);
}

export interface ChangedSpan {
  readonly start: number;
  /** End in the original text (exclusive). */
  readonly end: number;
  readonly replacement: string;
}

/** The smallest span of `original` that, replaced, gives `variant`, widened to whole tokens; undefined when they are equal. */
export function changedSpan(original: string, variant: string): ChangedSpan | undefined {
  if (original === variant) return undefined;
  const shorter = Math.min(original.length, variant.length);
  let start = 0;
  while (start < shorter && original[start] === variant[start]) start++;
  let tail = 0;
  while (tail < shorter - start && original[original.length - 1 - tail] === variant[variant.length - 1 - tail]) tail++;
  while (start > 0 && sameToken(original[start - 1], original[start], variant[start])) start--;
  while (tail > 0 && sameToken(original[original.length - tail], original[original.length - tail - 1], variant[variant.length - tail - 1])) tail--;
  return { start, end: original.length - tail, replacement: variant.slice(start, variant.length - tail) };
}

const WORD = /[\p{L}\p{N}_]/u;
const OPERATOR = /[-+*/%<>=!&|^~@]/;

/** Whether the unchanged character `outside` belongs to the same token as a changed neighbour. */
function sameToken(outside: string | undefined, inOriginal: string | undefined, inVariant: string | undefined): boolean {
  if (outside === undefined) return false;
  for (const kind of [WORD, OPERATOR]) {
    if (kind.test(outside) && ((inOriginal !== undefined && kind.test(inOriginal)) || (inVariant !== undefined && kind.test(inVariant)))) return true;
  }
  return false;
}

/**
 * Places one mutant. `source` is the original file's text with `\n` line breaks (line and column
 * numbers are the same as in its `\r\n` form); `orig` and `variant` the generated functions' texts.
 */
export function placeMutant(names: MutantNames, orig: string | undefined, variant: string | undefined, source: string): Placement {
  if (variant === undefined) return { unplaced: `its function ${names.variant} is not in the mutated file` };
  if (orig === undefined) return { unplaced: `the unmutated copy ${names.orig} is not in the mutated file` };
  const originalBody = afterName(orig, names.orig);
  const variantBody = afterName(variant, names.variant);
  if (originalBody === undefined || variantBody === undefined) return { unplaced: 'its function could not be read' };
  const span = changedSpan(originalBody, variantBody);
  if (span === undefined) return { unplaced: 'its function does not differ from the unmutated copy' };
  const bodyStart = findOriginal(source, names, originalBody);
  if (typeof bodyStart === 'string') return { unplaced: bodyStart };
  const starts = lineStartsOf(source);
  return { range: { start: positionAt(starts, bodyStart + span.start), end: positionAt(starts, bodyStart + span.end) }, replacement: span.replacement };
}

/** Offset in `source` just after the function's name in its `def`, or why it cannot be found once. */
function findOriginal(source: string, names: MutantNames, body: string): number | string {
  const needle = `def ${names.functionName}${body}`;
  const found: number[] = [];
  for (let at = source.indexOf(needle); at !== -1; at = source.indexOf(needle, at + 1)) {
    if (at === 0 || /[ \t\n]/.test(source[at - 1] ?? '')) found.push(at);
  }
  const candidates = found.length > 1 && names.className !== undefined ? found.filter((at) => enclosingClass(source, at) === names.className) : found;
  if (candidates.length === 1) return (candidates[0] ?? 0) + 4 + names.functionName.length;
  return candidates.length === 0
    ? `the function ${names.functionName} in the original file differs from what mutmut mutated (changed since the run?)`
    : `the function ${names.functionName} occurs ${candidates.length} times in the original file`;
}

/** The name of the nearest `class` above `at` that is indented less than the line holding `at`. */
function enclosingClass(source: string, at: number): string | undefined {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const indent = at - lineStart;
  const above = source.slice(0, lineStart).split('\n').reverse();
  for (const line of above) {
    const match = /^([ \t]*)class[ \t]+([\p{L}\p{N}_]+)/u.exec(line);
    if (match !== null && (match[1] ?? '').length < indent) return match[2];
  }
  return undefined;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): Range['start'] {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - (starts[low] ?? 0) };
}
