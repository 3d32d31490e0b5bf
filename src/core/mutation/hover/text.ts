/**
 * Text helpers for putting untrusted report strings into markdown and plain text.
 * Lengths and cuts are in UTF-16 code units (as JS strings and VS Code count), never splitting a
 * surrogate pair.
 */

import { singleLine } from '../../shared/sanitize';

const ELLIPSIS = '…';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Keeps the start of `text`: at most `max` code units, the last one an ellipsis when cut. */
export function clipEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

/** Keeps the end of `text`: at most `max` code units, the first one an ellipsis when cut. */
export function clipStart(text: string, max: number): string {
  if (text.length <= max) return text;
  let from = text.length - (max - 1);
  if (isLowSurrogate(text.charCodeAt(from))) from += 1;
  return ELLIPSIS + text.slice(from);
}

/** Every run of whitespace (line breaks included) as one space, trimmed; invisible characters made visible (core/shared/sanitize). */
export function oneLine(text: string): string {
  return singleLine(text);
}

/**
 * Markdown text that renders as exactly `text`: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows that for all of them), so no emphasis, link, autolink,
 * HTML tag, entity, heading, list, table or code span can start. Whitespace is collapsed first:
 * report strings go into single-line paragraphs and list items.
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Longest run of consecutive backticks in `text`. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** A fenced code block that no backtick run inside `body` can close. */
export function fencedBlock(language: string, body: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${language}\n${body}\n${fence}`;
}
