import { describe, expect, it } from 'vitest';
import type { LoadedReport, ReportMutant, ReportSourceFile } from '../../../../src/core/mutation/report/model';
import { mutantsOnLine, showMutants, withLiveStatuses } from '../../../../src/core/mutation/store/shownMutants';
import type { MutantStatus } from '../../../../src/core/shared/types';

function mutant(id: string, status: MutantStatus, line: number, start: number, end: number, endLine = line): ReportMutant {
  return {
    id, mutatorName: 'M', replacement: 'r', description: undefined, status, statusReason: undefined,
    range: { start: { line, character: start }, end: { line: endLine, character: end } }, coveredBy: undefined, killedBy: undefined, isStatic: undefined,
  };
}

const SOURCE = 'aaaa\nbbbb\ncccc\n';
const file = (mutants: ReportMutant[], path = '/ws/a.ts'): ReportSourceFile => ({ path, key: 'a.ts', language: 'ts', source: SOURCE, mutants });
const report = { path: '/ws/r.json' } as LoadedReport;
const ALL = new Set<MutantStatus>(['Survived', 'NoCoverage', 'Killed', 'Timeout']);

describe('showMutants', () => {
  it('places at most the limit per file, over all its reports, in report order, and counts the rest', () => {
    const first = file([mutant('a', 'Survived', 0, 0, 1), mutant('k', 'Killed', 0, 0, 1), mutant('b', 'Survived', 0, 1, 2)]);
    const second = file([mutant('c', 'Survived', 0, 2, 3), mutant('d', 'Survived', 0, 3, 4)]);
    const shown = showMutants([{ file: first, report }, { file: second, report }], undefined, new Set(['Survived']), 3);
    expect([shown.mutants.map((m) => m.mutant.id), shown.overLimit]).toEqual([['a', 'b', 'c'], 1]);
    expect(showMutants([{ file: first, report }], undefined, new Set(['Survived']), 2).overLimit).toBe(0);
  });

  it('shows 10,000 of 1,000,000 mutants on one line', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => mutant(String(i), 'Survived', 0, 0, 1));
    const shown = showMutants([{ file: file(many), report }], undefined, new Set(['Survived']));
    expect([shown.mutants.length, shown.overLimit, shown.mutants[9_999]?.mutant.id]).toEqual([10_000, 990_000, '9999']);
  });

  it('filters by status and merges reports in document order', () => {
    const first = file([mutant('k', 'Killed', 0, 0, 1), mutant('s2', 'Survived', 2, 0, 1)]);
    const second = file([mutant('s1', 'Survived', 1, 0, 1), mutant('n', 'NoCoverage', 0, 2, 3)]);
    const shown = showMutants([{ file: first, report }, { file: second, report }], undefined, new Set(['Survived', 'NoCoverage']));
    expect(shown.mutants.map((m) => m.mutant.id)).toEqual(['n', 's1', 's2']);
    expect(shown.outsideSource).toBe(0);
    expect(shown.mutants[0]?.file).toBe(second);
    expect(shown.mutants[0]?.report).toBe(report);
  });

  it('orders equal starts by end', () => {
    const shown = showMutants([{ file: file([mutant('long', 'Survived', 0, 0, 4), mutant('short', 'Survived', 0, 0, 2), mutant('ml', 'Survived', 0, 0, 1, 1)]), report }], undefined, ALL);
    expect(shown.mutants.map((m) => m.mutant.id)).toEqual(['short', 'long', 'ml']);
  });

  it('places mutants in the current text and counts impossible ones', () => {
    const shown = showMutants([{ file: file([mutant('s', 'Survived', 1, 0, 4), mutant('bad', 'Survived', 9, 0, 1)]), report }], 'new\naaaa\nbbbb\ncccc\n', ALL);
    expect(shown.mutants.map((m) => [m.mutant.id, m.range.start.line, m.stale])).toEqual([['s', 2, false]]);
    expect(shown.outsideSource).toBe(1);
  });
});

describe('mutantsOnLine', () => {
  it('lists survivors first, then NoCoverage, then the rest, each in document order', () => {
    const shown = showMutants([{ file: file([mutant('t', 'Timeout', 1, 0, 1), mutant('n', 'NoCoverage', 1, 0, 2), mutant('s', 'Survived', 1, 3, 4), mutant('s0', 'Survived', 1, 1, 2), mutant('multi', 'Killed', 0, 0, 1, 2), mutant('other', 'Survived', 2, 0, 1)]), report }], undefined, ALL);
    expect(mutantsOnLine(shown.mutants, 1).map((m) => m.mutant.id)).toEqual(['s0', 's', 'n', 'multi', 't']);
    expect(mutantsOnLine(shown.mutants, 2).map((m) => m.mutant.id)).toEqual(['other', 'multi']);
    expect(mutantsOnLine(shown.mutants, 3)).toEqual([]);
  });
});

describe('withLiveStatuses', () => {
  it('shows the statuses a running rerun found in place of the report\'s, flagged live, then keeps those among the statuses', () => {
    const placed = showMutants([{ file: file([mutant('s1', 'Survived', 0, 0, 2), mutant('s2', 'Survived', 1, 1, 3), mutant('k', 'Killed', 1, 0, 1), mutant('n', 'NoCoverage', 2, 0, 4), mutant('k2', 'Killed', 2, 1, 2)]), report }], SOURCE, ALL).mutants;
    const live = new Map<string, MutantStatus>([
      ['0:0-0:2 M r', 'Killed'],
      ['1:1-1:3 M r', 'Survived'],
      ['1:0-1:1 M r', 'Survived'],
      ['2:0-2:4 X r', 'Killed'],
    ]);
    const rows = (statuses: ReadonlySet<MutantStatus>) => withLiveStatuses(placed, (key) => live.get(key), statuses).map((d) => [d.mutant.id, d.mutant.status, d.live]);
    expect([rows(ALL), rows(new Set<MutantStatus>(['Survived', 'NoCoverage']))]).toEqual([
      [['s1', 'Killed', true], ['k', 'Survived', true], ['s2', 'Survived', true], ['n', 'NoCoverage', false], ['k2', 'Killed', false]],
      [['k', 'Survived', true], ['s2', 'Survived', true], ['n', 'NoCoverage', false]],
    ]);
    expect(placed.map((d) => [d.mutant.id, d.mutant.status, d.live])).toEqual([['s1', 'Survived', false], ['k', 'Killed', false], ['s2', 'Survived', false], ['n', 'NoCoverage', false], ['k2', 'Killed', false]]);
  });
});
