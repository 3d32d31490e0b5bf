import { describe, expect, it } from 'vitest';
import { baseIndexOf, baseSurvivorKeys, mutantKey, newSinceBase, parseBaseIndex } from '../../../src/core/change/baseMatch';
import { touchesChangedLine, changeMutantsOf } from '../../../src/core/change/changeMutants';
import { addScores, classOf, patchScore } from '../../../src/core/change/patchScore';
import { lineVerdicts, type RangedMutant } from '../../../src/core/change/verdicts';
import type { MutantStatus, Range } from '../../../src/core/shared/types';
import { lcovFile } from '../coverage/lcovHelpers';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const m = (status: MutantStatus, range: Range, stale = false): RangedMutant => ({ status, range, stale });

describe('touchesChangedLine', () => {
  it('counts every line from the start line to the end line, both included', () => {
    expect([4, 5, 6, 7, 8].map((line) => touchesChangedLine(r(5, 3, 7, 0), [line]))).toEqual([false, true, true, true, false]);
    expect(touchesChangedLine(r(5, 3, 7, 0), [1, 2, 9])).toBe(false);
    expect(touchesChangedLine(r(5, 3, 5, 9), 'all')).toBe(true);
    expect(touchesChangedLine(r(5, 3, 5, 9), undefined)).toBe(false);
    expect(touchesChangedLine(r(5, 3, 5, 9), [])).toBe(false);
    expect(changeMutantsOf([m('Killed', r(1, 0, 1, 2)), m('Killed', r(3, 0, 3, 2))], [0, 3, 10])).toEqual([m('Killed', r(3, 0, 3, 2))]);
  });
});

describe('lineVerdicts', () => {
  // lcov: lines 1 (0 hits), 2, 3, 4, 5, 6 ran; 7 not listed.
  const coverage = lcovFile('a.ts', { lines: [[1, 0], [2, 1], [3, 4], [4, 1], [5, 2], [6, 1]] });
  it('follows the precedence: not run, then a surviving mutant, then all killed, then no mutants', () => {
    const mutants = [m('Killed', r(1, 0, 1, 4)), m('Survived', r(1, 0, 1, 4)), m('Killed', r(2, 0, 2, 3)), m('Killed', r(3, 0, 3, 1)), m('NoCoverage', r(3, 2, 3, 4)), m('Timeout', r(4, 0, 4, 1))];
    expect(lineVerdicts([1, 2, 3, 4, 5, 7], coverage, mutants)).toEqual([
      { line: 1, verdict: 'not-run' },
      { line: 2, verdict: 'checked' },
      { line: 3, verdict: 'not-checked' },
      { line: 4, verdict: 'checked' },
      { line: 5, verdict: 'ran' },
    ]);
  });
  it('ignores stale and invalid mutants; a killed multi-line mutant is on its first line only, a surviving one on every line it spans', () => {
    const mutants = [m('Survived', r(2, 0, 2, 1), true), m('Ignored', r(3, 0, 3, 1)), m('CompileError', r(3, 0, 3, 1)), m('Killed', r(4, 5, 6, 1)), m('Survived', r(6, 0, 6, 1))];
    expect(lineVerdicts([2, 3, 4, 5, 6], coverage, mutants)).toEqual([
      { line: 2, verdict: 'ran' },
      { line: 3, verdict: 'ran' },
      { line: 4, verdict: 'checked' },
      { line: 5, verdict: 'ran' },
      { line: 6, verdict: 'not-checked' },
    ]);
    expect(lineVerdicts([2, 3, 4, 5, 6], coverage, [m('NoCoverage', r(1, 9, 5, 1)), m('Killed', r(3, 0, 3, 1))])).toEqual([
      { line: 2, verdict: 'not-checked' },
      { line: 3, verdict: 'not-checked' },
      { line: 4, verdict: 'not-checked' },
      { line: 5, verdict: 'not-checked' },
      { line: 6, verdict: 'ran' },
    ]);
  });
  it('skips a changed line lcov does not list between lines it does', () => {
    const gappy = lcovFile('b.ts', { lines: [[1, 1], [3, 0]] });
    expect(lineVerdicts([0, 2, 3, 4], gappy, [])).toEqual([{ line: 3, verdict: 'not-run' }]);
  });
  it('has no verdict without coverage, and every lcov line for an untracked file', () => {
    expect(lineVerdicts([1, 2], undefined, [])).toEqual([]);
    expect(lineVerdicts('all', coverage, []).map((v) => `${v.line} ${v.verdict}`)).toEqual(['1 not-run', '2 ran', '3 ran', '4 ran', '5 ran', '6 ran']);
  });
});

describe('patchScore', () => {
  it('counts as mutation-testing-metrics does and keeps stale mutants apart', () => {
    const statuses: MutantStatus[] = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'RuntimeError', 'Ignored', 'Pending'];
    expect(statuses.map(classOf)).toEqual(['detected', 'detected', 'undetected', 'undetected', 'invalid', 'invalid', 'invalid', 'invalid']);
    const scored = [
      ...statuses.map((status) => ({ status, stale: false, newSinceBase: status === 'Survived' ? true : undefined })),
      { status: 'Killed' as const, stale: true },
      { status: 'NoCoverage' as const, stale: false, newSinceBase: false },
      { status: 'NoCoverage' as const, stale: false, newSinceBase: false },
    ];
    const score = patchScore(scored, { changedLines: 4, coveredChangedLines: 3 }, true);
    expect(score).toEqual({ changedLines: 4, coveredChangedLines: 3, mutants: 6, detected: 2, undetected: 4, stale: 1, newSurvivors: 1, mutationScore: (2 / 6) * 100 });
    expect(patchScore([], { changedLines: 0, coveredChangedLines: 0 }, false)).toEqual({ changedLines: 0, coveredChangedLines: 0, mutants: 0, detected: 0, undetected: 0, stale: 0, newSurvivors: undefined, mutationScore: NaN });
    expect(addScores([score, patchScore([{ status: 'Killed', stale: false }], { changedLines: 1, coveredChangedLines: 1 }, false)])).toEqual({ changedLines: 5, coveredChangedLines: 4, mutants: 7, detected: 3, undetected: 4, stale: 1, newSurvivors: 1, mutationScore: (3 / 7) * 100 });
    expect(addScores([]).newSurvivors).toBeUndefined();
  });
});

describe('baseIndexOf', () => {
  it('indexes a base report by its keys with / separators and 0-based ranges', () => {
    const location = { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } };
    const report = { schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'src\\a.ts': { language: 'typescript', source: 'x\ny', mutants: [{ id: '1', mutatorName: 'M', replacement: 'r', status: 'Survived', location }] } } };
    expect([...baseIndexOf(report as never)]).toEqual([['src/a.ts', { source: 'x\ny', mutants: [{ mutatorName: 'M', replacement: 'r', status: 'Survived', range: r(1, 2, 1, 8) }] }]]);
  });
});

describe('parseBaseIndex (what the report worker answers for a base report)', () => {
  const location = { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } };
  const report = { schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'src\\a.ts': { language: 'typescript', source: 'x\ny', mutants: [{ id: '1', mutatorName: 'M', replacement: 'r', status: 'Survived', location }] } } };
  const indexed = [['src/a.ts', { source: 'x\ny', mutants: [{ mutatorName: 'M', replacement: 'r', status: 'Survived', range: r(1, 2, 1, 8) }] }]];

  it('parses, validates and indexes a json text and the same report in an html page', () => {
    const json = parseBaseIndex(JSON.stringify(report), 'json');
    expect(json.ok ? [...json.value] : json.error).toEqual(indexed);
    const html = parseBaseIndex(`<script>\napp.report = ${JSON.stringify(report)};\n</script>`, 'html');
    expect(html.ok ? [...html.value] : html.error).toEqual(indexed);
  });

  it('says why a text is not a report, as parseReportText does', () => {
    expect(parseBaseIndex('{"files":', 'json')).toEqual({ ok: false, error: 'is incomplete (the JSON ends early)' });
    expect(parseBaseIndex(JSON.stringify({ ...report, thresholds: undefined }), 'json')).toEqual({ ok: false, error: "is not a valid mutation report: the report must have required property 'thresholds'" });
  });
});

describe('new survivors against a base file', () => {
  const base = {
    source: 'a\nb\nc\nd\n',
    mutants: [
      { mutatorName: 'M', replacement: 'x', status: 'Survived' as const, range: r(1, 0, 1, 1) },
      { mutatorName: 'B', replacement: '{}', status: 'NoCoverage' as const, range: r(0, 0, 3, 1) },
      { mutatorName: 'K', replacement: 'y', status: 'Killed' as const, range: r(2, 0, 2, 1) },
      { mutatorName: 'C', replacement: 'z', status: 'Survived' as const, range: r(2, 0, 2, 1) },
    ],
  };
  it('moves each base survivor by its start and end line into the current text', () => {
    // A line inserted on top, "c" edited: the block still matches by its first and last line.
    expect([...baseSurvivorKeys(base, 'new\na\nb\nC!\nd\n')]).toEqual([mutantKey(r(2, 0, 2, 1), 'M', 'x'), mutantKey(r(1, 0, 4, 1), 'B', '{}')]);
    expect([...baseSurvivorKeys(undefined, 'a')]).toEqual([]);
    // Unchanged text: a survivor on the first line keeps its key; a killed one has none.
    const same = { source: 'a\nb', mutants: [{ mutatorName: 'S', replacement: 's', status: 'Survived' as const, range: r(0, 0, 0, 1) }, { mutatorName: 'K', replacement: 'k', status: 'Killed' as const, range: r(1, 0, 1, 1) }] };
    expect([...baseSurvivorKeys(same, 'a\nb')]).toEqual([mutantKey(r(0, 0, 0, 1), 'S', 's')]);
    expect(mutantKey(r(1, 2, 3, 4), 'M', undefined)).toBe('1:2-3:4 M ');
    expect([...baseSurvivorKeys({ source: 'a\nb', mutants: [{ mutatorName: 'B', replacement: undefined, status: 'Survived', range: r(0, 0, 1, 1) }] }, 'b\na')]).toEqual([]);
  });
  it('drops a base survivor whose first line is gone though its last line stays, and one that starts or ends past the end of the base source (an untrusted report may even end before its start)', () => {
    const edited = { source: 'a\nb\nc', mutants: [{ mutatorName: 'B', replacement: '{}', status: 'Survived' as const, range: r(0, 0, 2, 1) }, { mutatorName: 'P', replacement: 'p', status: 'Survived' as const, range: r(5, 0, 5, 1) }, { mutatorName: 'E', replacement: 'e', status: 'Survived' as const, range: r(0, 0, 5, 1) }, { mutatorName: 'I', replacement: 'i', status: 'Survived' as const, range: r(5, 0, 1, 1) }] };
    expect([...baseSurvivorKeys(edited, 'A!\nb\nc')]).toEqual([]);
    expect([...baseSurvivorKeys(edited, 'a\nb\nc')]).toEqual([mutantKey(r(0, 0, 2, 1), 'B', '{}')]);
  });
  it('marks a survivor new unless the base had it undetected at the same place; others are undefined', () => {
    const keys = baseSurvivorKeys(base, 'new\na\nb\nC!\nd\n');
    const current = (status: MutantStatus, range: Range, mutatorName: string, replacement: string | undefined, stale = false) => ({ status, range, mutatorName, replacement, stale });
    expect(newSinceBase(current('Survived', r(2, 0, 2, 1), 'M', 'x'), keys)).toBe(false);
    expect(newSinceBase(current('NoCoverage', r(1, 0, 4, 1), 'B', '{}'), keys)).toBe(false);
    expect(newSinceBase(current('Survived', r(2, 0, 2, 1), 'M', 'other'), keys)).toBe(true);
    expect(newSinceBase(current('Survived', r(2, 0, 2, 1), 'N', 'x'), keys)).toBe(true);
    expect(newSinceBase(current('Survived', r(2, 1, 2, 1), 'M', 'x'), keys)).toBe(true);
    expect(newSinceBase(current('Survived', r(3, 0, 3, 1), 'K', 'y'), keys)).toBe(true); // killed in the base
    expect(newSinceBase(current('Killed', r(2, 0, 2, 1), 'M', 'x'), keys)).toBeUndefined();
    expect(newSinceBase(current('Survived', r(2, 0, 2, 1), 'M', 'x', true), keys)).toBeUndefined();
    expect(newSinceBase(current('Survived', r(2, 0, 2, 1), 'M', 'x'), undefined)).toBeUndefined();
  });
});
