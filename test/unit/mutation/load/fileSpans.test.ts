// The structural scan of a report text: exact spans (each span's JSON.parse equals JSON.parse of
// the whole text's member), strings skipped with their escapes, and undefined on anything unexpected.
import { describe, expect, it } from 'vitest';
import { scanReportSpans, type MemberSpans, type ReportSpans, type Span } from '../../../../src/core/mutation/load/fileSpans';

/** The scan of a text's UTF-8 bytes (as the worker reads a report). */
function scan(text: string): ReportSpans | undefined {
  return scanReportSpans(Buffer.from(text, 'utf8'));
}

function cut(text: string, span: Span): string {
  return Buffer.from(text, 'utf8').subarray(span.start, span.end).toString('utf8');
}

/** What the spans say, read back: top-level members and files as JSON.parse of their spans. */
function readBack(text: string, spans: ReportSpans): { top: Record<string, unknown>; files: Array<[string, string, unknown]> } {
  const top = Object.fromEntries([...spans.top].map(([key, span]) => [key, JSON.parse(cut(text, span)) as unknown]));
  const files = spans.files.map((member): [string, string, unknown] => [member.key, cut(text, member.keySpan), JSON.parse(cut(text, member.value)) as unknown]);
  return { top, files };
}

function expectExact(text: string): ReportSpans {
  const spans = scan(text) as ReportSpans;
  const whole = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
  const back = readBack(text, spans);
  expect(back.top).toEqual(whole);
  const files = whole.files as Record<string, unknown>;
  expect(back.files.map(([key, , value]) => [key, value])).toEqual(Object.entries(files));
  for (const [key, quoted] of back.files) expect(JSON.parse(quoted)).toBe(key);
  return spans;
}

describe('scanReportSpans', () => {
  it('gives the exact spans of the top-level members and of each file', () => {
    const text = '{"schemaVersion":"1.0","thresholds":{"high":80,"low":60},"files":{"a.ts":{"language":"ts","source":"x","mutants":[]},"b.ts":{"mutants":[1,2]}},"projectRoot":"/p"}';
    const spans = expectExact(text);
    expect([...spans.top.keys()]).toEqual(['schemaVersion', 'thresholds', 'files', 'projectRoot']);
    const at = (part: string): number => text.indexOf(part);
    expect(spans.top.get('schemaVersion')).toEqual({ start: at('"1.0"'), end: at('"1.0"') + 5 });
    expect(spans.files).toEqual([
      { key: 'a.ts', keySpan: { start: at('"a.ts"'), end: at('"a.ts"') + 6 }, value: { start: at('{"language"'), end: at(',"b.ts"') } },
      { key: 'b.ts', keySpan: { start: at('"b.ts"'), end: at('"b.ts"') + 6 }, value: { start: at('{"mutants":[1'), end: at('}},"projectRoot"') + 1 } },
    ]);
    expect(spans.top.get('files')).toEqual({ start: at('{"a.ts"'), end: at(',"projectRoot"') });
  });

  it('counts byte offsets in UTF-8', () => {
    const text = '{"files":{"é.ts":1,"𝒳.ts":"ü"}}';
    const spans = expectExact(text);
    expect(spans.files.map((member) => [member.keySpan, member.value])).toEqual([
      [{ start: 10, end: 17 }, { start: 18, end: 19 }],
      [{ start: 20, end: 29 }, { start: 30, end: 34 }],
    ]);
  });

  it('walks short strings and jumps through long ones, with escapes at every place around the switch', () => {
    for (let length = 25; length < 40; length++) {
      for (const tail of ['\\"', '\\\\', '\\\\\\"x', '{"}']) {
        const source = `${'a'.repeat(length)}${tail}${'b'.repeat(length)}`;
        expectExact(JSON.stringify({ files: { [source]: { source, n: [source] } }, schemaVersion: source }));
      }
    }
  });

  it('skips braces, brackets and quotes inside strings, escaped quotes and backslashes, and unicode', () => {
    const source = 'function f() { return "}]{[" + \'\\"\' + `\\\\` } // ✓ 𝒳 \u2028 "\\\\"';
    const text = JSON.stringify({ schemaVersion: '1', thresholds: { high: 1, low: 0 }, files: { 'we"ird\\{key}.ts': { source, mutants: [{ replacement: '"}"', id: '\\' }] }, 'é/ü.ts': { source: '\\', mutants: [] } } });
    const spans = expectExact(text);
    expect(spans.files.map((member) => member.key)).toEqual(['we"ird\\{key}.ts', 'é/ü.ts']);
  });

  it('reads whitespace anywhere JSON allows it, a BOM, numbers, literals, nested arrays and empty objects', () => {
    const text = '\ufeff \n{ "schemaVersion" : 1 ,\t"x":[[],[{}],{"a":[true,false,null,-1.5e3]}],\r\n "files" : { "a.ts" : { } , "b.ts":[ ] , "c.ts" : null }, "e":{} } \n';
    const spans = expectExact(text);
    expect(spans.files.map((member) => member.key)).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(expectExact('{"files":{}}').files).toEqual([]);
    expect(scan('{}')).toEqual({ top: new Map(), files: [] });
  });

  it('decodes escaped keys and keeps them as written', () => {
    const text = '{"files":{"src\\/a\\u002Ets":{"n":1},"\\ud835\\udcb3.ts":{"n":2}}}';
    const spans = expectExact(text);
    expect(spans.files.map((member) => [member.key, cut(text, member.keySpan)])).toEqual([
      ['src/a.ts', '"src\\/a\\u002Ets"'],
      ['𝒳.ts', '"\\ud835\\udcb3.ts"'],
    ]);
  });

  it('gives files as an empty list when files is not an object', () => {
    expect(scan('{"files":[1,{"a":2}]}')).toEqual({ top: new Map([['files', { start: 9, end: 20 }]]), files: [] });
  });

  it.each([
    ['empty', ''],
    ['only space', '  \n'],
    ['an array', '[{"files":{}}]'],
    ['a string', '"files"'],
    ['cut off in a key', '{"files":{"a.t'],
    ['cut off in a source string', '{"files":{"a.ts":{"source":"x { '],
    ['cut off after a value', '{"files":{"a.ts":{}}'],
    ['cut off inside a nested value', '{"files":{"a.ts":{"m":[{"a":1}'],
    ['an escaped closing quote at the end', '{"files":{"a.ts":"x\\"}}'],
    ['a bracket that does not match', '{"files":{"a.ts":{"m":[}]}}'],
    ['a closing bracket too many', '{"files":{"a.ts":{}}}}'],
    ['text after the object', '{"files":{}} x'],
    ['a second object after it', '{"files":{}}{}'],
    ['a duplicate top-level key', '{"files":{},"files":{}}'],
    ['a duplicate file key', '{"files":{"a.ts":1,"a.ts":2}}'],
    ['the same file key escaped differently', '{"files":{"a.ts":1,"a\\u002ets":2}}'],
    ['a key that is no string', '{files:{}}'],
    ['a key with a bad escape', '{"a\\x":1}'],
    ['a key with a raw control character', '{"a\nb":1}'],
    ['no colon', '{"files" {}}'],
    ['a missing value', '{"files":}'],
    ['a missing value in files', '{"files":{"a.ts":,"b.ts":1}}'],
    ['no comma between members', '{"a":1 "b":2}'],
    ['a trailing comma', '{"a":1,}'],
    ['a value that starts with a closing bracket', '{"a":]}'],
  ])('gives up on %s', (_name, text) => {
    expect(scan(text)).toBe(undefined);
  });
});

describe('scanReportSpans with stopAfter', () => {
  const text = '{"schemaVersion":"1.0","thresholds":{"high":80,"low":60},"files":{"a.ts":{"n":1},"b.ts":{"n":[2]},"c.ts":3},"projectRoot":"/p"}';
  const at = (part: string): number => text.indexOf(part);
  const a = { key: 'a.ts', keySpan: { start: at('"a.ts"'), end: at('"a.ts"') + 6 }, value: { start: at('{"n":1}'), end: at('{"n":1}') + 7 } };
  const b = { key: 'b.ts', keySpan: { start: at('"b.ts"'), end: at('"b.ts"') + 6 }, value: { start: at('{"n":[2]}'), end: at('{"n":[2]}') + 9 } };
  const headBefore = new Map([
    ['schemaVersion', { start: at('"1.0"'), end: at('"1.0"') + 5 }],
    ['thresholds', { start: at('{"high"'), end: at(',"files"') }],
  ]);

  it('ends the scan after the member it says stop at: the files so far, and only the top-level members before files', () => {
    const asked: Array<[string[], string[]]> = [];
    const spans = scanReportSpans(Buffer.from(text, 'utf8'), (files, top) => {
      asked.push([files.map((member) => member.key), [...top.keys()]]);
      return files.length === 2;
    });
    expect(spans).toEqual({ top: headBefore, files: [a, b], stopped: true });
    expect(asked).toEqual([
      [['a.ts'], ['schemaVersion', 'thresholds']],
      [['a.ts', 'b.ts'], ['schemaVersion', 'thresholds']],
    ]);
  });

  it('gives the whole scan, without stopped, when it never says stop', () => {
    const spans = scanReportSpans(Buffer.from(text, 'utf8'), () => false);
    expect(spans).toEqual(scan(text));
    expect(spans !== undefined && 'stopped' in spans).toBe(false);
    expect(spans?.files.map((member) => member.key)).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });

  it('does not look past the stop (a cut-off or broken rest is not seen), but gives up on a broken member before it', () => {
    const stopAtB = (files: readonly MemberSpans[]): boolean => files[files.length - 1]?.key === 'b.ts';
    const rest = text.indexOf(',"c.ts"');
    expect(scanReportSpans(Buffer.from(`${text.slice(0, rest)},"b.ts":{`, 'utf8'), stopAtB)).toEqual({ top: headBefore, files: [a, b], stopped: true });
    // A value that does not end is no member: stopAfter is not asked about it.
    let asked = 0;
    const stopAlways = (): boolean => {
      asked++;
      return true;
    };
    expect(scanReportSpans(Buffer.from('{"files":{"a.ts":{"n":[}}}', 'utf8'), stopAlways)).toBe(undefined);
    expect(scanReportSpans(Buffer.from('{"files":{"a.ts":"x', 'utf8'), stopAlways)).toBe(undefined);
    expect(asked).toBe(0);
    expect(scanReportSpans(Buffer.from('{"files":{"a.ts":1,"a.ts":2}}', 'utf8'), (files) => files.length === 2)).toBe(undefined);
  });

  it('is asked only about the members of the top-level files object', () => {
    const keys: string[] = [];
    const nested = '{"x":{"files":{"y":1}},"files":{"z":{"files":{"w":2}}},"y":{"a":1}}';
    const spans = scanReportSpans(Buffer.from(nested, 'utf8'), (files) => {
      keys.push((files[files.length - 1] as MemberSpans).key);
      return false;
    });
    expect(keys).toEqual(['z']);
    expect(spans?.files.map((member) => member.key)).toEqual(['z']);
  });
});
