import { describe, expect, it } from 'vitest';
import { CARGO_STATUS, cargoStatus, mutantOf, outcomesOf, untestedOf } from '../../../../src/core/mutation/tools/cargoMutants/outcomes';
import { originalLines, placeCargoSpan, utf16Column } from '../../../../src/core/mutation/tools/cargoMutants/place';
import { listedDiffs } from '../../../../src/core/mutation/tools/cargoMutants/load';

const span = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, column: sc }, end: { line: el, column: ec } });
const MUTANT = {
  name: 'src/lib.rs:5:14: replace >= with < in discount',
  package: 'cart',
  file: 'src/lib.rs',
  function: { function_name: 'discount', return_type: '-> u32', span: span(4, 1, 10, 2) },
  span: span(5, 17, 5, 19),
  replacement: '<',
  genre: 'BinaryOperator',
};

describe('cargo-mutants outcomes', () => {
  it('maps every SummaryOutcome of cargo-mutants 27.1.0 to a schema status', () => {
    expect(CARGO_STATUS).toEqual({
      CaughtMutant: { status: 'Killed', reason: undefined },
      MissedMutant: { status: 'Survived', reason: undefined },
      Timeout: { status: 'Timeout', reason: undefined },
      Unviable: { status: 'CompileError', reason: 'Unviable: the mutant does not build' },
      Success: { status: 'Ignored', reason: 'built, but not tested (cargo mutants --check)' },
      Failure: { status: 'RuntimeError', reason: 'cargo-mutants saw a failure it could not attribute' },
    });
    expect(cargoStatus('Unviable')).toEqual({ status: 'CompileError', reason: 'Unviable: the mutant does not build' });
    expect(cargoStatus('Brand new')).toEqual({ status: 'RuntimeError', reason: 'unknown cargo-mutants outcome "Brand new"' });
    expect(cargoStatus(undefined)).toEqual({ status: 'Pending', reason: 'not tested yet (listed in mutants.json, not in outcomes.json)' });
    expect(cargoStatus('toString')).toEqual({ status: 'RuntimeError', reason: 'unknown cargo-mutants outcome "toString"' });
  });

  it('reads a mutant with its function, and refuses one with a missing or mistyped field', () => {
    expect(mutantOf(MUTANT)).toEqual({ name: MUTANT.name, file: 'src/lib.rs', span: span(5, 17, 5, 19), replacement: '<', genre: 'BinaryOperator', functionName: 'discount', functionSpan: span(4, 1, 10, 2) });
    expect(mutantOf({ ...MUTANT, function: null })).toMatchObject({ functionName: undefined, functionSpan: undefined });
    for (const field of ['name', 'file', 'replacement', 'genre', 'span'] as const) {
      expect(mutantOf({ ...MUTANT, [field]: undefined })).toBeUndefined();
      expect(mutantOf({ ...MUTANT, [field]: 7 })).toBeUndefined();
    }
    expect(mutantOf({ ...MUTANT, span: span(0, 1, 1, 1) })).toBeUndefined();
    expect(mutantOf({ ...MUTANT, span: span(1, 0, 1, 1) })).toBeUndefined();
    expect(mutantOf({ ...MUTANT, span: span(1, 1.5, 1, 2) })).toBeUndefined();
    expect(mutantOf({ ...MUTANT, span: { start: { line: 1, column: 1 } } })).toBeUndefined();
    expect(mutantOf([MUTANT])).toBeUndefined();
    expect(mutantOf(null)).toBeUndefined();
  });

  it('skips the baseline, keeps each mutant outcome, and lists malformed entries', () => {
    const data = {
      outcomes: [
        { scenario: 'Baseline', summary: 'Success' },
        { scenario: { Mutant: MUTANT }, summary: 'MissedMutant', diff_path: 'diff/src_lib.rs_line_5_col_17.diff', log_path: 'log/x.log' },
        { scenario: { Mutant: { ...MUTANT, genre: 3 } }, summary: 'CaughtMutant' },
        { scenario: { Mutant: MUTANT }, summary: 4 },
        'junk',
        { scenario: { Mutant: MUTANT }, summary: 'CaughtMutant', diff_path: null },
        null,
      ],
    };
    const parsed = outcomesOf(data);
    expect(parsed?.malformed).toEqual([3, 4, 5, 7].map((n) => `outcomes.json entry ${n} (not a cargo-mutants outcome)`));
    expect(parsed?.outcomes.map((o) => [o.summary, o.diffPath, o.mutant.name])).toEqual([
      ['MissedMutant', 'diff/src_lib.rs_line_5_col_17.diff', MUTANT.name],
      ['CaughtMutant', undefined, MUTANT.name],
    ]);
    expect(outcomesOf({ outcomes: {} })).toBeUndefined();
    expect(outcomesOf([])).toBeUndefined();
  });

  it('adds the mutants of mutants.json that have no outcome yet, as Pending', () => {
    const tested = outcomesOf({ outcomes: [{ scenario: { Mutant: MUTANT }, summary: 'MissedMutant' }] })?.outcomes ?? [];
    const other = { ...MUTANT, name: 'other', span: span(6, 13, 6, 15) };
    expect(untestedOf([MUTANT, other, { junk: true }], tested)).toEqual([{ mutant: mutantOf(other), summary: undefined, diffPath: undefined }]);
    expect(untestedOf({ not: 'a list' }, tested)).toEqual([]);
  });
});

describe('placing a cargo-mutants span', () => {
  const LINES = ['fn a() {', '    format!("🛒 {}", c / 100)', '}'];
  const DIFF = '--- src/lib.rs\n+++ replace / with % in a\n@@ -1,3 +1,3 @@\n fn a() {\n-    format!("🛒 {}", c / 100)\n+    format!("🛒 {}", c % 100)\n }\n';

  it('converts char columns to UTF-16 columns after an astral character', () => {
    expect([1, 13, 14, 15, 16, 23].map((c) => utf16Column(LINES[1] ?? '', c))).toEqual([1, 13, 14, 16, 17, 24]);
    expect(utf16Column('ab', 3)).toBe(3);
    expect(utf16Column('ab', 4)).toBeUndefined();
    expect(utf16Column('', 1)).toBe(1);
  });

  it("reads a diff's original side with its line numbers", () => {
    expect(originalLines(DIFF)).toEqual(new Map([[1, 'fn a() {'], [2, '    format!("🛒 {}", c / 100)'], [3, '}']]));
    expect(originalLines('@@ -7 +7 @@\n-x\r\n+y\n')).toEqual(new Map([[7, 'x']]));
    expect(originalLines('--- a\n+++ b\n')).toBeUndefined();
    expect(originalLines('--- a\n+++ b\n x @@ -9 +9 @@\n')).toBeUndefined();
    expect(originalLines('@@ -1 +1 @@\n-a\rb\r\n+c\n')).toEqual(new Map([[1, 'a\rb']]));
  });

  it('places the span when the diff agrees with the file', () => {
    expect(placeCargoSpan(span(2, 23, 2, 24), LINES, DIFF)).toEqual({ location: { start: { line: 2, column: 24 }, end: { line: 2, column: 25 } } });
    expect(placeCargoSpan(span(1, 8, 3, 2), LINES, DIFF)).toEqual({ location: { start: { line: 1, column: 8 }, end: { line: 3, column: 2 } } });
    expect(placeCargoSpan(span(2, 23, 2, 24), LINES, undefined)).toEqual({ location: { start: { line: 2, column: 24 }, end: { line: 2, column: 25 } } });
  });

  it('leaves a mutant unplaced when the file changed since the run, or the span does not fit', () => {
    const changed = ['fn a() {', '    format!("🛒 {}", c / 10)', '}'];
    expect(placeCargoSpan(span(2, 23, 2, 24), changed, DIFF)).toEqual({ unplaced: 'line 2 changed since cargo-mutants ran' });
    expect(placeCargoSpan(span(1, 1, 1, 2), ['fn b() {', ...LINES.slice(1)], DIFF)).toEqual({ unplaced: 'line 1 changed since cargo-mutants ran' });
    expect(placeCargoSpan(span(3, 1, 3, 2), ['fn a() {', LINES[1] ?? '', '} '], DIFF)).toEqual({ unplaced: 'line 3 changed since cargo-mutants ran' });
    expect(placeCargoSpan(span(2, 23, 2, 24), LINES, '@@ -1,1 +1,1 @@\n-fn a() {\n+fn b() {\n')).toEqual({ unplaced: 'its diff does not show line 2' });
    expect(placeCargoSpan(span(2, 23, 2, 24), LINES, 'garbage')).toEqual({ unplaced: 'its diff file holds no hunk' });
    expect(placeCargoSpan(span(4, 1, 4, 2), LINES, DIFF)).toEqual({ unplaced: 'line 4 column 1 is beyond the end of the file' });
    expect(placeCargoSpan(span(2, 40, 2, 41), LINES, DIFF)).toEqual({ unplaced: 'line 2 column 40 is beyond the end of the file' });
    expect(placeCargoSpan(span(2, 5, 3, 9), LINES, DIFF)).toEqual({ unplaced: 'line 2 column 5 is beyond the end of the file' });
    expect(placeCargoSpan(span(2, 9, 2, 5), LINES, DIFF)).toEqual({ unplaced: 'its span ends before it starts' });
    expect(placeCargoSpan(span(2, 40, 3, 1), LINES, DIFF)).toEqual({ unplaced: 'line 2 column 40 is beyond the end of the file' });
    expect(placeCargoSpan(span(2, 5, 2, 5), LINES, DIFF)).toEqual({ location: { start: { line: 2, column: 5 }, end: { line: 2, column: 5 } } });
    expect(placeCargoSpan(span(2, 9, 1, 9), LINES, DIFF)).toEqual({ unplaced: 'its span ends before it starts' });
  });
});

describe('listedDiffs (mutants.json)', () => {
  it('takes the diff of each entry that has a string name and a string diff, and nothing from anything else', () => {
    const listed = [{ name: 'a', diff: '--- a\n' }, { name: 'b' }, { diff: 'x' }, { name: 1, diff: 'y' }, { name: 'c', diff: 2 }, null, 'd', { name: 'e', diff: '' }];
    expect([...listedDiffs(listed)]).toEqual([
      ['a', '--- a\n'],
      ['e', ''],
    ]);
    expect([...listedDiffs({ name: 'a', diff: 'x' })]).toEqual([]);
    expect([...listedDiffs(undefined)]).toEqual([]);
  });
});
