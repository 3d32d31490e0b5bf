import { describe, expect, it } from 'vitest';
import { moveCoverage } from '../../../src/core/coverage/followEdits';
import { lcovFile } from './lcovHelpers';

const MEASURED = ['function a() {', '  return 1;', '}', '', 'function b(x) {', '  if (x) return 2;', '  return 3;', '}'].join('\n');
const FILE = lcovFile('src/a.ts', {
  lines: [[0, 1], [1, 1], [4, 2], [5, 2], [6, 0]],
  branches: [[5, 1, 2]],
  functions: [
    { name: 'a', line: 0, hits: 1 },
    { name: 'b', line: 4, hits: 2 },
    { name: 'lost', line: 99, hits: 0 },
    { name: 'unplaced', line: undefined, hits: 3 },
  ],
});

describe('moveCoverage', () => {
  it('returns the same file when the text has not changed', () => {
    expect(moveCoverage(FILE, MEASURED, MEASURED)).toBe(FILE);
  });

  it('moves every line below an insertion; the inserted lines carry nothing', () => {
    const current = ['// one', '// two', MEASURED].join('\n');
    expect(moveCoverage(FILE, MEASURED, current).functions[3]).toBe(FILE.functions[3]);
    expect(moveCoverage(FILE, MEASURED, current)).toEqual(
      lcovFile('src/a.ts', {
        lines: [[2, 1], [3, 1], [6, 2], [7, 2], [8, 0]],
        branches: [[7, 1, 2]],
        functions: [
          { name: 'a', line: 2, hits: 1 },
          { name: 'b', line: 6, hits: 2 },
          { name: 'lost', line: undefined, hits: 0 },
          { name: 'unplaced', line: undefined, hits: 3 },
        ],
      }),
    );
  });

  it('drops the coverage of a line edited since the run, and of removed lines, moving the rest up', () => {
    const current = ['function b(x) {', '  if (x) return 20;', '  return 3;', '}'].join('\n');
    expect(moveCoverage(FILE, MEASURED, current)).toEqual(
      lcovFile('src/a.ts', {
        lines: [[0, 2], [2, 0]],
        functions: [
          { name: 'a', line: undefined, hits: 1 },
          { name: 'b', line: 0, hits: 2 },
          { name: 'lost', line: undefined, hits: 0 },
          { name: 'unplaced', line: undefined, hits: 3 },
        ],
      }),
    );
  });

  it('keeps lines the same across CRLF and LF, and leaves lines past the measured text out', () => {
    const crlf = MEASURED.replaceAll('\n', '\r\n');
    const beyond = lcovFile('src/a.ts', { lines: [[1, 1], [8, 4], [20, 5]], branches: [[20, 1, 1]] });
    expect(moveCoverage(beyond, MEASURED, `${crlf}\r\n// end`)).toEqual(lcovFile('src/a.ts', { lines: [[1, 1]] }));
  });
});
