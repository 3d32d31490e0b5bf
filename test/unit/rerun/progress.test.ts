import { describe, expect, it } from 'vitest';
import { applyProgressLine, INITIAL_PROGRESS, LineSplitter, progressText } from '../../../src/core/rerun/progress';

const LINES = [
  '{"event":"plan","total":3,"mutants":202}',
  '{"event":"tested","tested":1,"total":3,"survived":0,"mutant":{"id":"9"}}',
  '{"event":"tested","tested":2,"total":3,"survived":1,"mutant":{"id":"3"}}',
  '{"event":"report","path":"/p/reports/mutation/mutation.json","files":20,"score":91.5}',
  '{"event":"done"}',
];
const TEXT = LINES.join('\n') + '\n';

describe('LineSplitter', () => {
  it('gives the same lines for every split offset', () => {
    for (let cut = 0; cut <= TEXT.length; cut++) {
      const s = new LineSplitter();
      expect([...s.push(TEXT.slice(0, cut)), ...s.push(TEXT.slice(cut))]).toEqual(LINES);
    }
  });
  it('holds back a line without its newline', () => {
    const s = new LineSplitter();
    expect(s.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(s.push(':2}\n\n')).toEqual(['{"b":2}']);
  });
});

describe('applyProgressLine', () => {
  it('follows plan, tested and report events', () => {
    const state = LINES.reduce(applyProgressLine, INITIAL_PROGRESS);
    expect(state).toEqual({ total: 3, tested: 2, survived: 1, reportWritten: true, score: 91.5 });
  });
  it('ignores broken and unknown lines', () => {
    expect(applyProgressLine(INITIAL_PROGRESS, '{oops')).toBe(INITIAL_PROGRESS);
    expect(applyProgressLine(INITIAL_PROGRESS, '{"event":"other"}')).toBe(INITIAL_PROGRESS);
    expect(applyProgressLine(INITIAL_PROGRESS, '{"event":"tested","tested":"x"}')).toEqual(INITIAL_PROGRESS);
  });
  it('takes a report without a path as not written', () => {
    expect(applyProgressLine(INITIAL_PROGRESS, '{"event":"report","path":null,"score":null}')).toEqual(INITIAL_PROGRESS);
  });
});

describe('progressText', () => {
  it('words each stage', () => {
    expect(progressText(INITIAL_PROGRESS)).toBe('Starting (initial test run)…');
    expect(progressText({ ...INITIAL_PROGRESS, total: 0 })).toBe('Nothing to test: every result was reused');
    expect(progressText({ ...INITIAL_PROGRESS, total: 12, tested: 5, survived: 2 })).toBe('5/12 mutants tested, 2 survived');
  });
});
