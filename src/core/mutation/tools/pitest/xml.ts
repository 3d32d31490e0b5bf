/**
 * A small strict XML reader for pitest's flat `mutations.xml`: elements, attributes (either quote),
 * text with the five named entities and numeric references, comments and the XML declaration.
 * No DTD, no CDATA, no processing instructions inside: pitest writes none, and anything else is
 * an error rather than a guess. Nesting is bounded, so no input can exhaust the stack.
 */
import { err, ok, type Result } from '../../../shared/types';

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (entities decoded), its children's text not included. */
  readonly text: string;
}

export interface XmlProblem {
  /** `incomplete`: the text ends before the root element closes (still being written). */
  readonly kind: 'incomplete' | 'syntax';
  readonly message: string;
}

export const MAX_XML_DEPTH = 8;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][\w.-]*/y;

class Cursor {
  index = 0;
  constructor(readonly text: string) {}
}

class XmlError extends Error {
  constructor(readonly kind: XmlProblem['kind'], message: string) {
    super(message);
  }
}

/** The root element, or why the text is not well-formed XML of this simple kind. */
export function parseXml(text: string): Result<XmlElement, XmlProblem> {
  const cursor = new Cursor(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    skipMisc(cursor, true);
    if (cursor.index >= cursor.text.length) throw new XmlError('incomplete', 'is empty');
    const root = element(cursor, 1);
    skipMisc(cursor, false);
    if (cursor.index < cursor.text.length) throw new XmlError('syntax', `has text after the root element at offset ${cursor.index}`);
    return ok(root);
  } catch (error) {
    if (error instanceof XmlError) return err({ kind: error.kind, message: error.message });
    throw error;
  }
}

function fail(cursor: Cursor, what: string): never {
  if (cursor.index >= cursor.text.length) throw new XmlError('incomplete', 'is incomplete (the XML ends early)');
  throw new XmlError('syntax', `is not valid XML: ${what} at offset ${cursor.index}`);
}

function skipSpace(cursor: Cursor): void {
  while (cursor.index < cursor.text.length && ' \t\r\n'.includes(cursor.text[cursor.index] ?? '')) cursor.index++;
}

/** Whitespace, comments and (before the root only) the XML declaration. */
function skipMisc(cursor: Cursor, prolog: boolean): void {
  for (;;) {
    skipSpace(cursor);
    if (prolog && cursor.text.startsWith('<?xml', cursor.index)) skipPast(cursor, '?>');
    else if (cursor.text.startsWith('<!--', cursor.index)) skipPast(cursor, '-->');
    else return;
  }
}

function skipPast(cursor: Cursor, end: string): void {
  const found = cursor.text.indexOf(end, cursor.index);
  if (found < 0) {
    cursor.index = cursor.text.length;
    fail(cursor, `no "${end}"`);
  }
  cursor.index = found + end.length;
}

function name(cursor: Cursor): string {
  NAME.lastIndex = cursor.index;
  const match = NAME.exec(cursor.text);
  if (match === null) fail(cursor, 'a name expected');
  cursor.index += match[0].length;
  return match[0];
}

function expect(cursor: Cursor, literal: string): void {
  if (!cursor.text.startsWith(literal, cursor.index)) fail(cursor, `"${literal}" expected`);
  cursor.index += literal.length;
}

function element(cursor: Cursor, depth: number): XmlElement {
  if (depth > MAX_XML_DEPTH) throw new XmlError('syntax', `is nested deeper than ${MAX_XML_DEPTH} elements`);
  expect(cursor, '<');
  const tag = name(cursor);
  const attributes = attributesOf(cursor);
  if (cursor.text.startsWith('/>', cursor.index)) {
    cursor.index += 2;
    return { name: tag, attributes, children: [], text: '' };
  }
  expect(cursor, '>');
  const children: XmlElement[] = [];
  let text = '';
  for (;;) {
    const lt = cursor.text.indexOf('<', cursor.index);
    if (lt < 0) {
      cursor.index = cursor.text.length;
      fail(cursor, `<${tag}> not closed`);
    }
    text += decode(cursor, cursor.text.slice(cursor.index, lt));
    cursor.index = lt;
    if (cursor.text.startsWith('</', lt)) break;
    if (cursor.text.startsWith('<!--', lt)) skipPast(cursor, '-->');
    else children.push(element(cursor, depth + 1));
  }
  cursor.index += 2;
  if (name(cursor) !== tag) fail(cursor, `</${tag}> expected`);
  skipSpace(cursor);
  expect(cursor, '>');
  return { name: tag, attributes, children, text };
}

function attributesOf(cursor: Cursor): Map<string, string> {
  const attributes = new Map<string, string>();
  for (;;) {
    skipSpace(cursor);
    const next = cursor.text[cursor.index];
    if (next === '>' || next === '/' || next === undefined) {
      if (next === undefined) fail(cursor, 'tag not closed');
      return attributes;
    }
    const key = name(cursor);
    skipSpace(cursor);
    expect(cursor, '=');
    skipSpace(cursor);
    const quote = cursor.text[cursor.index];
    if (quote !== '"' && quote !== "'") fail(cursor, 'a quoted attribute value expected');
    const close = cursor.text.indexOf(quote, cursor.index + 1);
    if (close < 0) {
      cursor.index = cursor.text.length;
      fail(cursor, 'attribute value not closed');
    }
    const raw = cursor.text.slice(cursor.index + 1, close);
    if (raw.includes('<')) fail(cursor, '"<" in an attribute value');
    if (attributes.has(key)) fail(cursor, `attribute "${key}" repeated`);
    attributes.set(key, decode(cursor, raw));
    cursor.index = close + 1;
  }
}

/** Text with entity and character references decoded; a bare `&` or an unknown entity is an error. */
function decode(cursor: Cursor | undefined, raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,10});?/g, (whole, entity: string) => {
    const value = whole.endsWith(';') ? referenced(entity) : undefined;
    if (value === undefined) {
      if (cursor === undefined) throw new XmlError('syntax', `is not valid XML: unknown reference "${whole}"`);
      fail(cursor, `unknown reference "${whole}"`);
    }
    return value;
  });
}

function referenced(entity: string): string | undefined {
  const named = NAMED[entity];
  if (named !== undefined) return named;
  const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(entity);
  if (numeric === null) return undefined;
  const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : undefined;
}

/** The text of the first child named `name`, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text;
}
