import { describe, expect, it } from 'vitest';
import { childText, MAX_XML_DEPTH, parseXml, type XmlElement } from '../../../../src/core/mutation/tools/pitest/xml';

function plain(element: XmlElement): unknown {
  return { name: element.name, attributes: Object.fromEntries(element.attributes), text: element.text, children: element.children.map(plain) };
}

function parsed(text: string): unknown {
  const result = parseXml(text);
  return result.ok ? plain(result.value) : result.error;
}

describe('parseXml', () => {
  it('reads elements, both attribute quotes, self-closing elements, the declaration and comments', () => {
    expect(parsed(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a x='1' y = "2"><b/>t<c>u</c><!-- d --></a>\n`)).toEqual({
      name: 'a',
      attributes: { x: '1', y: '2' },
      text: 't',
      children: [
        { name: 'b', attributes: {}, text: '', children: [] },
        { name: 'c', attributes: {}, text: 'u', children: [] },
      ],
    });
  });

  it('decodes the five entities and character references in text and attributes', () => {
    expect(parsed(`<a v="&lt;&amp;&quot;">&lt;&gt;&amp;&quot;&apos;&#65;&#x1F6D2;</a>`)).toEqual({ name: 'a', attributes: { v: '<&"' }, text: `<>&"'A🛒`, children: [] });
  });

  it('takes character references at each end of the ranges XML allows, and refuses the codes just outside them', () => {
    const allowed = [0x9, 0xa, 0xd, 0x20, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff];
    expect(allowed.map((code) => parsed(`<a>&#x${code.toString(16)};</a>`))).toEqual(allowed.map((code) => ({ name: 'a', attributes: {}, text: String.fromCodePoint(code), children: [] })));
    const refused = [0x8, 0xb, 0xc, 0xe, 0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff, 0x110000];
    expect(refused.map((code) => parsed(`<a>&#x${code.toString(16)};</a>`))).toEqual(refused.map((code) => ({ kind: 'syntax', message: `is not valid XML: unknown reference "&#x${code.toString(16)};" at offset 3` })));
  });

  it('refuses a character reference with anything before or after its number', () => {
    expect([parsed('<a>&#65x;</a>'), parsed('<a>&x#65;</a>')]).toEqual([
      { kind: 'syntax', message: 'is not valid XML: unknown reference "&#65x;" at offset 3' },
      { kind: 'syntax', message: 'is not valid XML: unknown reference "&x#65;" at offset 3' },
    ]);
  });

  it.each([
    ['<a>&nbsp;</a>', 'is not valid XML: unknown reference "&nbsp;" at offset 3'],
    ['<a>a & b</a>', 'is not valid XML: unknown reference "&" at offset 3'],
    ['<a>&#0;</a>', 'is not valid XML: unknown reference "&#0;" at offset 3'],
    ['<a>&#xD800;</a>', 'is not valid XML: unknown reference "&#xD800;" at offset 3'],
    ['<a></b>', 'is not valid XML: </a> expected at offset 6'],
    ['<a x=1></a>', 'is not valid XML: a quoted attribute value expected at offset 5'],
    ['<a x="1" x="2"></a>', 'is not valid XML: attribute "x" repeated at offset 11'],
    ['<a x="<"></a>', 'is not valid XML: "<" in an attribute value at offset 5'],
    ['<a></a><b/>', 'has text after the root element at offset 7'],
    ['<a></a>x', 'has text after the root element at offset 7'],
    ['<1/>', 'is not valid XML: a name expected at offset 1'],
    ['<!DOCTYPE a><a/>', 'is not valid XML: a name expected at offset 1'],
  ])('refuses %j as a syntax error', (text, message) => {
    expect(parsed(text)).toEqual({ kind: 'syntax', message });
  });

  it.each(['', '  \n', '<?xml version="1.0"?>', '<a', '<a x="1', '<a>', '<a><b>text', '<a></a', '<a></', '<!-- x'])('calls %j incomplete', (text) => {
    expect(parsed(text)).toEqual({ kind: 'incomplete', message: text.trim() === '' || text.startsWith('<?xml') ? 'is empty' : 'is incomplete (the XML ends early)' });
  });

  it('refuses nesting deeper than the limit, and accepts it at the limit', () => {
    const nested = (depth: number): string => '<a>'.repeat(depth) + '</a>'.repeat(depth);
    expect(parseXml(nested(MAX_XML_DEPTH)).ok).toBe(true);
    expect(parsed(nested(MAX_XML_DEPTH + 1))).toEqual({ kind: 'syntax', message: `is nested deeper than ${MAX_XML_DEPTH} elements` });
    expect(parsed(nested(100_000))).toEqual({ kind: 'syntax', message: `is nested deeper than ${MAX_XML_DEPTH} elements` });
  });

  it('gives the text of the first child of a name', () => {
    const root = parseXml('<m><n>1</n><n>2</n><e/></m>');
    if (!root.ok) throw new Error(root.error.message);
    expect([childText(root.value, 'n'), childText(root.value, 'e'), childText(root.value, 'x')]).toEqual(['1', '', undefined]);
  });
});
