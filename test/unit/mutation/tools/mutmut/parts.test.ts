import { describe, expect, it } from 'vitest';
import { parseMeta } from '../../../../../src/core/mutation/tools/mutmut/meta';
import { mutmutStatusOf, schemaStatusOf } from '../../../../../src/core/mutation/tools/mutmut/status';
import { mutantNames } from '../../../../../src/core/mutation/tools/mutmut/names';
import { functionText, parseSpans } from '../../../../../src/core/mutation/tools/mutmut/functions';
import { changedSpan, placeMutant } from '../../../../../src/core/mutation/tools/mutmut/locate';
import { mutmutPragmaEdit } from '../../../../../src/core/mutation/tools/mutmut/pragma';
import { classifyReport, chooseReports } from '../../../../../src/core/mutation/report/discovery';

describe('parseMeta', () => {
  it('reads the exit code of every mutant, null for not checked', () => {
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mutmut_1": 0, "a.xǁCǁm__mutmut_2": null, "x_g__mutmut_10": -11}, "durations_by_key": {}}')).toEqual({
      ok: true,
      value: [
        { name: 'a.x_f__mutmut_1', exitCode: 0 },
        { name: 'a.xǁCǁm__mutmut_2', exitCode: null },
        { name: 'x_g__mutmut_10', exitCode: -11 },
      ],
    });
  });

  it('calls an empty or cut-off file incomplete, so that the last good data stays', () => {
    expect(parseMeta(' \n')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mutmut_1": 0,')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the JSON ends early)' } });
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mu')).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the JSON ends early)' } });
  });

  it('says what is wrong with a file that is not a .meta file', () => {
    expect(parseMeta('{"a": 1} x')).toMatchObject({ ok: false, error: { kind: 'syntax' } });
    expect(parseMeta('[1]')).toEqual({ ok: false, error: { kind: 'schema', message: 'is not a mutmut .meta file: no "exit_code_by_key" object' } });
    expect(parseMeta('{"exit_code_by_key": [1]}')).toEqual({ ok: false, error: { kind: 'schema', message: 'is not a mutmut .meta file: no "exit_code_by_key" object' } });
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mutmut_1": "0"}}')).toEqual({
      ok: false,
      error: { kind: 'schema', message: 'is not a mutmut .meta file: the exit code of "a.x_f__mutmut_1" is not an integer' },
    });
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mutmut_1": 1.5}}')).toMatchObject({ ok: false, error: { kind: 'schema' } });
    expect(parseMeta('{"exit_code_by_key": {"a.f__mutmut_1": 1}}')).toEqual({
      ok: false,
      error: { kind: 'schema', message: 'is not a mutmut .meta file: "a.f__mutmut_1" is not a mutmut mutant name' },
    });
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mutmut_": 1}}')).toMatchObject({ ok: false, error: { kind: 'schema' } });
    expect(parseMeta('{"exit_code_by_key": {"a.x_f__mutmut_1 ": 1}}')).toMatchObject({ ok: false, error: { kind: 'schema' } });
  });
});

describe('mutmut statuses (mutmut 3.8.1 stats.py status_by_exit_code)', () => {
  it('maps every exit code mutmut knows, and any other to suspicious', () => {
    const codes: Array<[number | null, string]> = [
      [1, 'killed'], [3, 'killed'], [0, 'survived'], [5, 'no tests'], [2, 'check was interrupted by user'], [null, 'not checked'],
      [33, 'no tests'], [34, 'skipped'], [35, 'suspicious'], [36, 'timeout'], [37, 'caught by type check'], [-24, 'timeout'],
      [24, 'timeout'], [152, 'timeout'], [255, 'timeout'], [-11, 'segfault'], [-9, 'segfault'], [4, 'suspicious'], [-15, 'suspicious'],
    ];
    expect(codes.map(([code]) => mutmutStatusOf(code))).toEqual(codes.map(([, status]) => status));
  });

  it('maps each mutmut status to the schema', () => {
    const statuses = ['killed', 'survived', 'no tests', 'timeout', 'caught by type check', 'suspicious', 'segfault', 'skipped', 'check was interrupted by user', 'not checked', 'new'];
    expect(statuses.map(schemaStatusOf)).toEqual(['Killed', 'Survived', 'NoCoverage', 'Timeout', 'CompileError', 'RuntimeError', 'RuntimeError', 'Ignored', 'Pending', 'Pending', 'RuntimeError']);
  });
});

describe('mutantNames', () => {
  it('splits functions and methods as mutmut does', () => {
    expect(mutantNames('shop.pricing.x_discounted__mutmut_3')).toEqual({ variant: 'x_discounted__mutmut_3', orig: 'x_discounted__mutmut_orig', functionName: 'discounted', className: undefined });
    expect(mutantNames('shop.text.xǁGreeterǁ__init____mutmut_1')).toEqual({ variant: 'xǁGreeterǁ__init____mutmut_1', orig: 'xǁGreeterǁ__init____mutmut_orig', functionName: '__init__', className: 'Greeter' });
    expect(mutantNames('x_x_f__mutmut_2')).toMatchObject({ functionName: 'x_f' });
  });

  it('refuses names that are not mutmut names', () => {
    for (const name of ['a.f', 'a.__mutmut_1', 'a.x___mutmut_1', 'a.xǁCǁ__mutmut_1', 'a.xǁǁm__mutmut_1', 'a.xǁCǁmǁn__mutmut_1', 'a.y_f__mutmut_1']) expect(mutantNames(name)).toBe(undefined);
  });
});

describe('functionText', () => {
  const lines = ['x = 1', '', '', 'def f(a):', '    return a', '', '', 'async def g(', '    a,', '):', '    return a', '', 'y = 2'];

  it('reads a function by its line span, from its def line, without trailing blank lines', () => {
    expect(functionText(lines, 'f', parseSpans('{"version": 1, "spans": {"f": [2, 7]}}'))).toBe('def f(a):\n    return a');
  });

  it('finds the function without a span: to the next line indented no deeper than its def', () => {
    expect(functionText(lines, 'f', undefined)).toBe('def f(a):\n    return a');
    expect(functionText(lines, 'g', new Map())).toBe('async def g(\n    a,\n):\n    return a');
    expect(functionText(lines, 'h', undefined)).toBe(undefined);
    expect(functionText(['class C:', '    def m(self):', '        pass', '    def n(self):', '        pass'], 'm', undefined)).toBe('    def m(self):\n        pass');
  });

  it('falls back to a search when the span does not hold the def', () => {
    expect(functionText(lines, 'f', parseSpans('{"version": 1, "spans": {"f": [1, 2]}}'))).toBe('def f(a):\n    return a');
  });

  it('ignores an index of another version or shape', () => {
    expect(parseSpans('{"version": 2, "spans": {"f": [1, 2]}}')).toBe(undefined);
    expect(parseSpans('{"version": 1}')).toBe(undefined);
    expect(parseSpans('{"version": 1, "spans": {')).toBe(undefined);
    expect(parseSpans(undefined)).toBe(undefined);
    expect([...(parseSpans('{"version": 1, "spans": {"a": [1, 2], "b": [0, 1], "c": [1], "d": "x", "e": [1.5, 2]}}') ?? new Map()).keys()]).toEqual(['a']);
  });
});

describe('changedSpan', () => {
  it('is the smallest differing span widened to whole tokens', () => {
    expect(changedSpan('if a > 50:', 'if a >= 50:')).toEqual({ start: 5, end: 6, replacement: '>=' });
    expect(changedSpan('if a >= 50:', 'if a > 50:')).toEqual({ start: 5, end: 7, replacement: '>' });
    expect(changedSpan('x = 50', 'x = 51')).toEqual({ start: 4, end: 6, replacement: '51' });
    expect(changedSpan('a == b', 'a != b')).toEqual({ start: 2, end: 4, replacement: '!=' });
    expect(changedSpan('s.upper()', 's.lower()')).toEqual({ start: 2, end: 7, replacement: 'lower' });
    expect(changedSpan('f(a, 2)', 'f(2)')).toEqual({ start: 2, end: 5, replacement: '' });
    expect(changedSpan('f(a, 2)', 'f(a, )')).toEqual({ start: 5, end: 6, replacement: '' });
    expect(changedSpan('"€"', '"XX€XX"')).toEqual({ start: 1, end: 2, replacement: 'XX€XX' });
    expect(changedSpan('aa', 'aaa')).toEqual({ start: 0, end: 2, replacement: 'aaa' });
    expect(changedSpan('x = 1', 'x = 1')).toBe(undefined);
  });
});

describe('placeMutant', () => {
  const names = { variant: 'x_f__mutmut_1', orig: 'x_f__mutmut_orig', functionName: 'f', className: undefined };
  const orig = 'def x_f__mutmut_orig(a):\n    return a + 1';
  const variant = 'def x_f__mutmut_1(a):\n    return a - 1';

  it('places the change in the original file', () => {
    expect(placeMutant(names, orig, variant, 'import os\n\ndef f(a):\n    return a + 1\n')).toEqual({ range: { start: { line: 3, character: 13 }, end: { line: 3, character: 14 } }, replacement: '-' });
  });

  it('lists a mutant as unplaced with the reason, never at a guessed place', () => {
    expect(placeMutant(names, orig, undefined, '')).toEqual({ unplaced: 'its function x_f__mutmut_1 is not in the mutated file' });
    expect(placeMutant(names, undefined, variant, '')).toEqual({ unplaced: 'the unmutated copy x_f__mutmut_orig is not in the mutated file' });
    expect(placeMutant(names, 'def other(a): pass', variant, '')).toEqual({ unplaced: 'its function could not be read' });
    expect(placeMutant(names, orig, orig.replace('orig', '1'), 'def f(a):\n    return a + 1')).toEqual({ unplaced: 'its function does not differ from the unmutated copy' });
    expect(placeMutant(names, orig, variant, 'def f(a):\n    return a + 2')).toEqual({ unplaced: 'the function f in the original file differs from what mutmut mutated (changed since the run?)' });
    expect(placeMutant(names, orig, variant, 'def f(a):\n    return a + 1\ndef f(a):\n    return a + 1')).toEqual({ unplaced: 'the function f occurs 2 times in the original file' });
    expect(placeMutant(names, orig, variant, 'def ff(a):\n    return a + 1\nundef f(a):\n    return a + 1')).toEqual({ unplaced: 'the function f in the original file differs from what mutmut mutated (changed since the run?)' });
  });

  it('tells identical methods of two classes apart by the enclosing class', () => {
    const method = { variant: 'xǁBǁm__mutmut_1', orig: 'xǁBǁm__mutmut_orig', functionName: 'm', className: 'B' };
    const source = 'class A:\n    def m(self):\n        return 1\n\nclass B:\n    def m(self):\n        return 1\n';
    expect(placeMutant(method, '    def xǁBǁm__mutmut_orig(self):\n        return 1', '    def xǁBǁm__mutmut_1(self):\n        return 2', source)).toEqual({
      range: { start: { line: 6, character: 15 }, end: { line: 6, character: 16 } },
      replacement: '2',
    });
  });
});

describe('mutmutPragmaEdit', () => {
  it('appends # pragma: no mutate to the line, the caret at its end', () => {
    expect(mutmutPragmaEdit(4, '    if percent > 50:  ')).toEqual({ line: 4, text: '    if percent > 50:  # pragma: no mutate', replacesLine: true, reasonStart: 41, reasonEnd: 41 });
    expect(mutmutPragmaEdit(0, 'x = 1  # why')).toMatchObject({ text: 'x = 1  # why  # pragma: no mutate' });
  });

  it('adds nothing to a line that has the pragma', () => {
    expect(mutmutPragmaEdit(0, 'x = 1  # pragma: no mutate')).toBe(undefined);
    expect(mutmutPragmaEdit(0, 'x = 1  # pragma: no cover, no mutate')).toBe(undefined);
    expect(mutmutPragmaEdit(0, 'x = "# pragma: no mutate"')).toBe(undefined);
  });

  it('needs both # pragma: and no mutate in the comment, from the first #', () => {
    const appended = (lineText: string): string | undefined => mutmutPragmaEdit(0, lineText)?.text;
    expect(['x = "no mutate"', 'x = 1  # no mutate', 'x = 1  # pragma: no cover', 'x = "no mutate"  # pragma: no cover', 'x# pragma: no mutate'].map(appended)).toEqual([
      'x = "no mutate"  # pragma: no mutate',
      'x = 1  # no mutate  # pragma: no mutate',
      'x = 1  # pragma: no cover  # pragma: no mutate',
      'x = "no mutate"  # pragma: no cover  # pragma: no mutate',
      undefined,
    ]);
  });
});

describe('discovery of mutmut results', () => {
  it('makes each .meta file the report of its source file, in the project that holds mutants/', () => {
    expect(classifyReport('/w/proj/mutants/src/shop/pricing.py.meta')).toEqual({
      path: '/w/proj/mutants/src/shop/pricing.py.meta',
      format: 'json',
      tool: 'mutmut',
      packageDir: '/w/proj',
      group: '/w/proj/mutants/src/shop/pricing.py.meta',
      rank: '0',
    });
    expect(chooseReports(['/w/p/mutants/a.py.meta', '/w/p/mutants/b.py.meta']).map((c) => c.path)).toEqual(['/w/p/mutants/a.py.meta', '/w/p/mutants/b.py.meta']);
    expect(classifyReport('/w/p/mutants/a.py.spans').tool).toBe('unknown');
  });
});
