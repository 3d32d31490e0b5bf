import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LcovParser, parseLcov } from '../../../src/core/coverage/lcov';
import { lcovFile } from './lcovHelpers';

const FIXTURE = readFileSync(new URL('../../fixtures/lcov/all-records.info', import.meta.url), 'utf8');

const FIXTURE_REPORT = {
  ok: true,
  value: {
    version: '2.0',
    ignoredLines: 1,
    files: [
      lcovFile('src/café.ts', {
        lines: [[0, 2], [1, 5], [2, 7]],
        branches: [[1, 2, 2], [2, 0, 1]],
        functions: [
          { name: 'main', line: 0, hits: 2 },
          { name: 'helper', line: 4, hits: 1 },
          { name: 'alias', line: 6, hits: 4 },
        ],
      }),
      lcovFile('/abs/other.js', { lines: [[9, 1]] }),
    ],
  },
};

function parseInPieces(text: string, cuts: readonly number[]): ReturnType<typeof parseLcov> {
  const parser = new LcovParser();
  let from = 0;
  for (const cut of cuts) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  return parser.end();
}

/** A one-file report with the given body lines, for checking single records. */
function one(...body: string[]): ReturnType<typeof parseLcov> {
  return parseLcov(['SF:a.ts', ...body, 'end_of_record', ''].join('\n'));
}

function report(files: ReturnType<typeof lcovFile>[], ignoredLines = 0, version?: string): object {
  return { ok: true, value: { files, ignoredLines, version } };
}

describe('parseLcov', { timeout: 30_000 }, () => {
  it('reads every record type of a CRLF file with a BOM, merging records of one SF', () => {
    expect(parseLcov(FIXTURE)).toEqual(FIXTURE_REPORT);
  });

  it('gives the same result for the text split at every offset', () => {
    for (let cut = 0; cut <= FIXTURE.length; cut++) {
      expect(parseInPieces(FIXTURE, [cut])).toEqual(FIXTURE_REPORT);
    }
  });

  it('gives the same result for the text fed one character at a time', () => {
    const cuts = Array.from({ length: FIXTURE.length }, (_, i) => i + 1);
    expect(parseInPieces(FIXTURE, cuts)).toEqual(FIXTURE_REPORT);
  });

  it('reads DA hits with and without a checksum, 0-based lines', () => {
    expect(one('DA:1,0', 'DA:2,12345678901', 'DA:4,3,Zm9v')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 0], [1, 12345678901], [3, 3]] })]),
    );
  });

  it('counts malformed DA records and keeps the good ones', () => {
    const bad = ['DA:0,1', 'DA:x,1', 'DA:3', 'DA:3,', 'DA:3,x', 'DA:3,1x', 'DA:,1', 'DA:-3,1', 'DA:3,-1', 'DA 3,1'];
    expect(one(...bad, 'DA:2,1')).toEqual(report([lcovFile('a.ts', { lines: [[1, 1]] })], bad.length));
  });

  it('sorts DA lines and sums repeated ones', () => {
    expect(one('DA:5,1', 'DA:2,3', 'DA:5,4', 'DA:1,0')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 0], [1, 3], [4, 5]] })]),
    );
  });

  it('counts branches per line: taken when the count is above 0, `-` and 0 are not taken', () => {
    const body = ['BRDA:3,0,0,4', 'BRDA:3,0,1,-', 'BRDA:3,0,2,0', 'BRDA:1,e0,0,1', 'BRDA:7,0,0,0'];
    expect(one(...body)).toEqual(report([lcovFile('a.ts', { branches: [[0, 1, 1], [2, 1, 3], [6, 0, 1]] })]));
  });

  it('reads lcov 2.x branch expressions that hold commas', () => {
    expect(one('BRDA:2,0,(a, b) == c,5', 'BRDA:2,0,(a, b) != c,-')).toEqual(
      report([lcovFile('a.ts', { branches: [[1, 1, 2]] })]),
    );
  });

  it('counts malformed BRDA records', () => {
    const bad = ['BRDA:0,0,0,1', 'BRDA:2,0,1', 'BRDA:2,,0,1', 'BRDA:2,0,0,x', 'BRDA:2,0,0,1x', 'BRDA:2,0,0,', 'BRDA:2,0,0,--', 'BRDA:2', 'BRDA:x,0,0,1'];
    expect(one(...bad)).toEqual(report([lcovFile('a.ts')], bad.length));
  });

  it('reads functions: FN with and without an end line, FNDA before FN, FNL/FNA', () => {
    const body = ['FNDA:3,late', 'FN:4,late', 'FN:2,6,ranged', 'FN:8,with,comma<a, b>', 'FNDA:1,with,comma<a, b>', 'FNL:2,10', 'FNA:2,9,aliased', 'FNA:5,1,unplaced'];
    expect(one(...body)).toEqual(
      report([
        lcovFile('a.ts', {
          functions: [
            { name: 'late', line: 3, hits: 3 },
            { name: 'ranged', line: 1, hits: 0 },
            { name: 'with,comma<a, b>', line: 7, hits: 1 },
            { name: 'aliased', line: 9, hits: 9 },
            { name: 'unplaced', line: undefined, hits: 1 },
          ],
        }),
      ]),
    );
  });

  it('counts malformed function records', () => {
    const bad = ['FN:0,f', 'FN:3', 'FN:3,', 'FN:x,f', 'FNDA:x,f', 'FNDA:1', 'FNDA:1,', 'FNL:1', 'FNL:x,1', 'FNL:1,0', 'FNL:1,2x', 'FNA:1,2', 'FNA:1,x,f', 'FNA:x,1,f', 'FNA:1,2,', 'FNX:1'];
    expect(one(...bad)).toEqual(report([lcovFile('a.ts')], bad.length));
  });

  it('knows summary, test name and MC/DC records without counting them as ignored', () => {
    const known = ['TN:t', 'LF:1', 'LH:1', 'BRF:1', 'BRH:0', 'FNF:1', 'FNH:1', 'MCDC:1,2,t,1,0,a', 'MCF:1', 'MCH:0'];
    expect(one(...known, '', '   x', 'LX:1')).toEqual(report([lcovFile('a.ts')], 2));
  });

  it('counts records outside SF…end_of_record and a stray end_of_record', () => {
    const text = 'DA:1,1\nBRDA:1,0,0,1\nFN:1,f\nFNDA:1,f\nFNL:0,1\nFNA:0,1,f\nend_of_record\nSF:a.ts\nDA:1,1\nend_of_record\nend_of_record\n';
    expect(parseLcov(text)).toEqual(report([lcovFile('a.ts', { lines: [[0, 1]] })], 8));
  });

  it('closes a record at the next SF when end_of_record is missing, and at the end of input', () => {
    expect(parseLcov('SF:a.ts\nDA:1,1\nSF:b.ts\nDA:2,0')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 1]] }), lcovFile('b.ts', { lines: [[1, 0]] })]),
    );
  });

  it('keeps the SF path as written, spaces and colons included; an empty SF is ignored', () => {
    expect(parseLcov('SF:C:\\work\\my app\\a.ts\r\nend_of_record\r\nSF:\nDA:1,1\n')).toEqual(
      report([lcovFile('C:\\work\\my app\\a.ts')], 2),
    );
  });

  it('reads an end_of_record only when it is the whole line', () => {
    expect(parseLcov('SF:a.ts\nend_of_records\nDA:1,1\nend_of_recor\n')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 1]] })], 2),
    );
  });

  it('merges repeated SF records: hits add up, the k-th branch of a line pairs with the k-th', () => {
    const text = [
      'SF:a.ts', 'DA:1,1', 'DA:3,0', 'BRDA:3,0,0,0', 'BRDA:3,0,1,2', 'BRDA:5,0,0,-', 'FN:1,f', 'FNDA:1,f', 'end_of_record',
      'SF:b.ts', 'DA:1,1', 'end_of_record',
      'SF:a.ts', 'DA:2,4', 'DA:3,1', 'BRDA:3,0,0,1', 'BRDA:3,0,1,0', 'BRDA:3,0,2,0', 'BRDA:4,0,0,1', 'FN:1,f', 'FNDA:2,f', 'FN:9,g', 'end_of_record',
    ].join('\n');
    expect(parseLcov(text)).toEqual(
      report([
        lcovFile('a.ts', {
          lines: [[0, 1], [1, 4], [2, 1]],
          branches: [[2, 2, 3], [3, 1, 1], [4, 0, 1]],
          functions: [{ name: 'f', line: 0, hits: 3 }, { name: 'g', line: 8, hits: 0 }],
        }),
        lcovFile('b.ts', { lines: [[0, 1]] }),
      ]),
    );
  });

  it('sorts unsorted branches stably before summing per line', () => {
    expect(one('BRDA:9,0,0,1', 'BRDA:2,0,0,0', 'BRDA:9,0,1,0', 'BRDA:2,0,1,1')).toEqual(
      report([lcovFile('a.ts', { branches: [[1, 1, 2], [8, 1, 2]] })]),
    );
  });

  it('returns an empty report for empty or blank input', () => {
    expect(parseLcov('')).toEqual(report([]));
    expect(parseLcov('\uFEFF\r\n\n')).toEqual(report([]));
  });

  it('fails with notLcov when nothing is recognised', () => {
    expect(parseLcov('<html>\n<body>\n')).toEqual({
      ok: false,
      error: { kind: 'notLcov', message: 'Not an lcov file: no SF record among 2 unrecognised lines', ignoredLines: 2 },
    });
  });

  it('keeps a BOM that is not at the very start as part of the text', () => {
    const parser = new LcovParser();
    parser.push('');
    parser.push('SF:a.ts\n');
    parser.push('\uFEFFDA:1,1\n');
    expect(parser.end()).toEqual(report([lcovFile('a.ts')], 1));
  });
});
