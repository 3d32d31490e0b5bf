import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../src/core/mutation/report/load';
import type { LoadedReport } from '../../../../src/core/mutation/report/model';
import { keyOf, PITEST_STATUS, pitestMutantsOf, wholeLine } from '../../../../src/core/mutation/tools/pitest/mutations';
import { parseXml } from '../../../../src/core/mutation/tools/pitest/xml';
import { readSource } from '../../../../src/core/mutation/tools/toolReport';
import { FIXTURES, folderEnvironment } from './fixtureEnv';

const PROJECT = path.join(FIXTURES, 'pitest-project');
const XML = path.join(PROJECT, 'target/pit-reports/mutations.xml');
const CART = path.join(PROJECT, 'src/main/java/com/example/Cart.java');

async function load(xml: string, root: string): Promise<LoadedReport> {
  const result = await loadReport(classifyReport(xml), folderEnvironment(root));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** What pitest wrote (mutations.xml, in its order) and where the whole-line range puts each mutant (0-based). */
const EXPECTED = [
  ['Survived', 'ConditionalsBoundaryMutator', 5, 8, 30, 'changed conditional boundary', undefined],
  ['Killed', 'NegateConditionalsMutator', 5, 8, 30, 'negated conditional', ['com.example.CartTest.bigOrdersGetTenPercent(com.example.CartTest)']],
  ['Killed', 'PrimitiveReturnsMutator', 6, 12, 22, 'replaced int return with 0 for com/example/Cart::discount', ['com.example.CartTest.bigOrdersGetTenPercent(com.example.CartTest)']],
  ['Killed', 'ConditionalsBoundaryMutator', 17, 8, 26, 'changed conditional boundary', ['com.example.CartTest.freeWhenPriceIsZero(com.example.CartTest)']],
  ['Killed', 'NegateConditionalsMutator', 17, 8, 26, 'negated conditional', ['com.example.CartTest.freeWhenPriceIsZero(com.example.CartTest)']],
  ['Survived', 'BooleanTrueReturnValsMutator', 17, 8, 26, 'replaced boolean return with true for com/example/Cart::isFree', undefined],
  ['NoCoverage', 'MathMutator', 22, 8, 43, 'Replaced integer division with multiplication', undefined],
  ['NoCoverage', 'EmptyObjectReturnValsMutator', 22, 8, 43, 'replaced return value with "" for com/example/Cart::label', undefined],
  ['Killed', 'MathMutator', 12, 8, 35, 'Replaced integer multiplication with division', ['com.example.CartTest.totalOfASmallOrder(com.example.CartTest)']],
  ['Killed', 'MathMutator', 13, 8, 52, 'Replaced integer multiplication with division', ['com.example.CartTest.totalOfASmallOrder(com.example.CartTest)']],
  ['Survived', 'MathMutator', 13, 8, 52, 'Replaced integer division with multiplication', undefined],
  ['Survived', 'MathMutator', 13, 8, 52, 'Replaced integer subtraction with addition', undefined],
  ['Killed', 'PrimitiveReturnsMutator', 13, 8, 52, 'replaced int return with 0 for com/example/Cart::total', ['com.example.CartTest.totalOfASmallOrder(com.example.CartTest)']],
] as const;

describe("pitest's mutations.xml (the committed fixture, made by pitest 1.30.2)", () => {
  it('gives every mutant its exact status, mutator, whole-line range, description and killing test', async () => {
    const report = await load(XML, PROJECT);
    expect(report.tool).toBe('pitest');
    expect([...report.files.keys()]).toEqual([CART]);
    const file = report.files.get(CART);
    expect(file?.key).toBe('com/example/Cart.java');
    expect(file?.language).toBe('java');
    expect(file?.source).toBe(readFileSync(CART, 'utf8'));
    const byId = [...(file?.mutants ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
    expect(byId.map((m) => [m.status, m.mutatorName, m.range.start.line, m.range.start.character, m.range.end.character, m.description, m.killedBy])).toEqual(EXPECTED);
    expect(byId.every((m) => m.range.end.line === m.range.start.line && m.replacement === undefined)).toBe(true);
    expect(report.unplacedMutants).toEqual([]);
    expect(report.ignoredKeys).toEqual([]);
    expect([...report.tests.keys()]).toEqual([
      'com.example.CartTest.bigOrdersGetTenPercent(com.example.CartTest)',
      'com.example.CartTest.freeWhenPriceIsZero(com.example.CartTest)',
      'com.example.CartTest.totalOfASmallOrder(com.example.CartTest)',
    ]);
  });

  it('agrees with the XML itself: one mutant per <mutation>, on its lineNumber, with its status', () => {
    const xml = readFileSync(XML, 'utf8');
    const lines = [...xml.matchAll(/<lineNumber>(\d+)<\/lineNumber>/g)].map((m) => Number(m[1]) - 1);
    const statuses = [...xml.matchAll(/status='([A-Z_]+)'/g)].map((m) => PITEST_STATUS[m[1] ?? '']);
    expect(lines).toEqual(EXPECTED.map((e) => e[2]));
    expect(statuses).toEqual(EXPECTED.map((e) => e[0]));
  });
});

describe('pitestMutantsOf', () => {
  const mutation = (body: string, status = 'SURVIVED'): string => `<mutation detected='false' status='${status}'>${body}</mutation>`;
  const full = '<sourceFile>A.java</sourceFile><mutatedClass>p.q.A$Inner</mutatedClass><mutatedMethod>m</mutatedMethod><lineNumber>2</lineNumber><mutator>x.y.VoidMethodCallMutator</mutator><killingTests>t1|t2|t1</killingTests><description>removed call</description>';

  function read(text: string): ReturnType<typeof pitestMutantsOf> {
    const root = parseXml(text);
    if (!root.ok) throw new Error(root.error.message);
    return pitestMutantsOf(root.value);
  }

  it('lists malformed entries by position and keeps the rest; killing tests from the full matrix', () => {
    const missing = (tag: string) => mutation(full.replace(new RegExp(`<${tag}>[^<]*</${tag}>`), ''));
    const result = read(
      `<mutations>${mutation(full)}<other status='SURVIVED'>${full}</other>${mutation(full.replace('<lineNumber>2', '<lineNumber>0'))}${mutation(full, 'WEIRD')}${mutation(full, 'constructor')}${mutation(full.replace('A.java', ''))}${mutation(full.replace('x.y.VoidMethodCallMutator', ''))}${missing('lineNumber')}${missing('sourceFile')}${missing('mutatedClass')}${missing('mutator')}${`<mutation>${full}</mutation>`}</mutations>`,
    );
    expect(result?.malformed).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `mutations.xml element ${n} (not a pitest mutation)`));
    expect(result?.mutants.map((m) => [m.key, m.id, m.mutatorName, m.status, m.killedBy, m.description, m.label])).toEqual([
      ['p/q/A.java', '1', 'VoidMethodCallMutator', 'Survived', ['t1', 't2'], 'removed call', 'p.q.A$Inner.m line 2: VoidMethodCallMutator'],
    ]);
    expect(result?.tests).toEqual(['t1', 't2']);
  });

  it('maps every pitest DetectionStatus', () => {
    const statuses = ['KILLED', 'SURVIVED', 'NO_COVERAGE', 'TIMED_OUT', 'NON_VIABLE', 'MEMORY_ERROR', 'RUN_ERROR', 'NOT_STARTED', 'STARTED'];
    const result = read(`<mutations>${statuses.map((s) => mutation(full, s)).join('')}</mutations>`);
    expect(result?.mutants.map((m) => m.status)).toEqual(['Killed', 'Survived', 'NoCoverage', 'Timeout', 'CompileError', 'RuntimeError', 'RuntimeError', 'Pending', 'Pending']);
  });

  it('has no description or killing test when pitest gives none, and refuses another root', () => {
    const bare = '<sourceFile>A.java</sourceFile><mutatedClass>A</mutatedClass><lineNumber>1</lineNumber><mutator>M</mutator><killingTest/><description/>';
    expect(read(`<mutations>${mutation(bare)}</mutations>`)?.mutants.map((m) => [m.key, m.mutatorName, m.description, m.killedBy, m.label])).toEqual([['A.java', 'M', undefined, undefined, 'A. line 1: M']]);
    expect(read('<report/>')).toBeUndefined();
  });

  it('keys a class by its package folders', () => {
    expect([keyOf('com.example.Cart', 'Cart.java'), keyOf('Main', 'Main.java'), keyOf('a.B$C', 'B.kt')]).toEqual(['com/example/Cart.java', 'Main.java', 'a/B.kt']);
  });

  it('places a mutant on its line from the first to the last non-blank character, never on a blank or missing line', () => {
    expect(wholeLine(['x', '  return a;  ', ''], 2)).toEqual({ location: { start: { line: 2, column: 3 }, end: { line: 2, column: 12 } } });
    expect(wholeLine(['x', '  return a;  ', '\t '], 3)).toEqual({ unplaced: 'line 3 is blank' });
    expect(wholeLine(['x'], 2)).toEqual({ unplaced: 'line 2 is beyond the end of the file' });
    expect(wholeLine(['x = 1;'], 1)).toEqual({ location: { start: { line: 1, column: 1 }, end: { line: 1, column: 7 } } });
  });
});

describe('loading mutations.xml: bad input and files that changed', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  function copyProject(): { root: string; xml: string; cart: string } {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-pitest-'));
    const xml = path.join(dir, 'target/pit-reports/mutations.xml');
    const cart = path.join(dir, 'src/main/java/com/example/Cart.java');
    mkdirSync(path.dirname(xml), { recursive: true });
    mkdirSync(path.dirname(cart), { recursive: true });
    copyFileSync(XML, xml);
    copyFileSync(CART, cart);
    return { root: dir, xml, cart };
  }

  it('calls a cut-off file incomplete and a foreign one a schema problem', async () => {
    const { root, xml } = copyProject();
    const text = readFileSync(xml, 'utf8');
    writeFileSync(xml, text.slice(0, text.length / 2));
    expect(await loadReport(classifyReport(xml), folderEnvironment(root))).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the XML ends early)' } });
    writeFileSync(xml, '<?xml version="1.0"?><report/>');
    expect(await loadReport(classifyReport(xml), folderEnvironment(root))).toEqual({ ok: false, error: { kind: 'schema', message: 'is not a pitest mutations.xml (its root is <report>)' } });
  });

  it('lists mutants whose line no longer exists as unplaced, and places the rest', async () => {
    const { root, xml, cart } = copyProject();
    writeFileSync(cart, readFileSync(cart, 'utf8').split('\n').slice(0, 15).join('\n'));
    const report = await load(xml, root);
    expect(report.files.get(cart)?.mutants.length).toBe(8);
    expect(report.unplacedMutants).toEqual([
      'com.example.Cart.isFree line 18: ConditionalsBoundaryMutator (line 18 is beyond the end of the file)',
      'com.example.Cart.isFree line 18: NegateConditionalsMutator (line 18 is beyond the end of the file)',
      'com.example.Cart.isFree line 18: BooleanTrueReturnValsMutator (line 18 is beyond the end of the file)',
      'com.example.Cart.label line 23: MathMutator (line 23 is beyond the end of the file)',
      'com.example.Cart.label line 23: EmptyObjectReturnValsMutator (line 23 is beyond the end of the file)',
    ]);
  });

  it('ignores a source file that is a link leading outside the workspace (never read)', async () => {
    const { root, xml, cart } = copyProject();
    const outside = mkdtempSync(path.join(tmpdir(), 'ml-outside-'));
    try {
      copyFileSync(CART, path.join(outside, 'Cart.java'));
      rmSync(cart);
      (await import('node:fs')).symlinkSync(path.join(outside, 'Cart.java'), cart);
      const report = await load(xml, root);
      expect(report.files.size).toBe(0);
      expect(report.ignoredKeys).toEqual([{ key: 'com/example/Cart.java', reason: `is a link that leads outside the workspace (${path.join(outside, 'Cart.java')})` }]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a result file above the size limit; a source file above it is not read', async () => {
    const { root, xml, cart } = copyProject();
    expect(await loadReport(classifyReport(xml), folderEnvironment(root, { maxBytes: 1024 }))).toEqual({ ok: false, error: { kind: 'too-large', message: 'is 0 MB, more than the 0 MB limit (setting mutantLens.maxReportSizeMB)' } });
    const size = readFileSync(cart).length;
    expect(await readSource(cart, { workspaceFolders: [root], maxBytes: size - 1 })).toEqual({ ok: false, error: 'is larger than the report size limit (setting mutantLens.maxReportSizeMB)' });
    expect(await readSource(cart, { workspaceFolders: [root], maxBytes: size })).toEqual({ ok: true, value: readFileSync(cart, 'utf8') });
    expect(await readSource(path.join(root, 'nope.java'), { workspaceFolders: [root], maxBytes: size })).toEqual({ ok: false, error: 'cannot be read (ENOENT)' });
  });
});

describe('toolLabel', () => {
  it('names the tool, and the XML format of pitest', async () => {
    const { toolLabel } = await import('../../../../src/core/mutation/tools/readers');
    expect([toolLabel({ tool: 'pitest', format: 'pitest-xml' }), toolLabel({ tool: 'pitest', format: 'json' }), toolLabel({ tool: 'cargo-mutants', format: 'cargo-mutants' })]).toEqual(['pitest (mutations.xml)', 'pitest', 'cargo-mutants']);
  });
});
