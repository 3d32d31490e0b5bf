import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LcovParser, parseLcov, type LcovParseCounts } from '../../../src/core/coverage/lcov';
import { Cursor } from '../../../src/core/coverage/lcovScan';
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

const EVERY_OFFSET = (text: string): number[] => Array.from({ length: text.length }, (_, i) => i + 1);

/**
 * parseLcov, checked against the general reader alone: fed one character at a time, every line
 * is completed from the carried text and none takes a plain-record fast path.
 */
function parse(text: string): ReturnType<typeof parseLcov> {
  const whole = parseLcov(text);
  expect(parseInPieces(text, EVERY_OFFSET(text))).toEqual(whole);
  return whole;
}

/** The read counts after the text is pushed in one piece. */
function countsOf(text: string): LcovParseCounts {
  const parser = new LcovParser();
  parser.push(text);
  parser.end();
  return parser.readCounts();
}

/** A one-file report with the given body lines, for checking single records. */
function one(...body: string[]): ReturnType<typeof parseLcov> {
  return parse(['SF:a.ts', ...body, 'end_of_record', ''].join('\n'));
}

function report(files: ReturnType<typeof lcovFile>[], ignoredLines = 0, version?: string): object {
  return { ok: true, value: { files, ignoredLines, version } };
}

describe('parseLcov', { timeout: 30_000 }, () => {
  it('reads every record type of a CRLF file with a BOM, merging records of one SF', () => {
    expect(parse(FIXTURE)).toEqual(FIXTURE_REPORT);
  });

  it('gives the same result for the text split at every offset', () => {
    for (let cut = 0; cut <= FIXTURE.length; cut++) {
      expect(parseInPieces(FIXTURE, [cut])).toEqual(FIXTURE_REPORT);
    }
  });

  it('gives the same result for the text fed one character at a time', () => {
    expect(parseInPieces(FIXTURE, EVERY_OFFSET(FIXTURE))).toEqual(FIXTURE_REPORT);
  });

  it('reads DA hits with and without a checksum, 0-based lines', () => {
    expect(one('DA:1,0', 'DA:2,12345678901', 'DA:4,3,Zm9v')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 0], [1, 12345678901], [3, 3]] })]),
    );
  });

  it('counts malformed DA records and keeps the good ones', () => {
    const bad = ['DA:0,1', 'DA:x,1', 'DA:3', 'DA:3,', 'DA:3,x', 'DA:3,1x', 'DA:,1', 'DA:-3,1', 'DA:3,-', 'DA:3,1e', 'DA:3,.', 'DA:3,+', 'DA:3,1.0e+19x', 'DA 3,1'];
    expect(one(...bad, 'DA:2,1')).toEqual(report([lcovFile('a.ts', { lines: [[1, 1]] })], bad.length));
  });

  it('reads counts as lcov 2.x does: a negative count is 0, a fraction or an exponent is the number it writes', () => {
    // lcov's own test data (tests/lcov/format/format.info) holds DA:4,-3 and DA:12,1.0e+19.
    expect(one('DA:4,-3', 'DA:5,+2', 'DA:6,-0', 'DA:7,1.5', 'DA:8,.5', 'DA:9,3.', 'DA:12,1.0e+19', 'DA:13,2E3', 'DA:14,5e-1,Zm9v', 'DA:15,-2.5e2')).toEqual(
      report([lcovFile('a.ts', { lines: [[3, 0], [4, 2], [5, 0], [6, 1.5], [7, 0.5], [8, 3], [11, 1e19], [12, 2000], [13, 0.5], [14, 0]] })]),
    );
  });

  it('reads negative and exponent counts of BRDA, FNDA and FNA as lcov 2.x does', () => {
    const body = ['FN:1,f', 'FNDA:-1,f', 'FNDA:2e1,g', 'FNL:0,3', 'FNA:0,-4,h', 'FNL:1,4', 'FNA:1,1.0e+2,k', 'BRDA:3,0,0,-2', 'BRDA:3,0,1,1e0', 'BRDA:3,0,2,0.0'];
    expect(one(...body)).toEqual(
      report([
        lcovFile('a.ts', {
          branches: [[2, 1, 3]],
          functions: [
            { name: 'f', line: 0, hits: 0 },
            { name: 'g', line: undefined, hits: 20 },
            { name: 'h', line: 2, hits: 0 },
            { name: 'k', line: 3, hits: 100 },
          ],
        }),
      ]),
    );
  });

  it('reads plain counts through the fast path and signed, fraction and exponent counts through the general reader', () => {
    expect(countsOf('SF:a.ts\nDA:1,3\nDA:4,-3\nDA:12,1.0e+19\nBRDA:2,0,0,1\nBRDA:2,0,1,-1\nend_of_record\n')).toEqual({ plainLines: 2, reorderedSpans: 0 });
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
    expect(one(...known, '', '   x', 'LX:1')).toEqual({ ok: true, value: { files: [lcovFile('a.ts')], ignoredLines: 2, version: undefined, summaryOnly: true } });
  });

  it('calls a file summary-only when it states lines (LF above 0) and holds no DA record, as cargo llvm-cov --summary-only writes it', () => {
    // The shape of cargo-llvm-cov's tests/fixtures/coverage-reports/no_test/no_test.lcov.info, without a final newline.
    const summary = 'SF:src/lib.rs\nFNF:1\nFNH:1\nBRF:0\nBRH:0\nLF:1\nLH:1\nend_of_record\nSF:src/module.rs\nFNF:1\nFNH:0\nBRF:0\nBRH:0\nLF:7\nLH:0\nend_of_record';
    const value = (text: string): unknown => {
      const parsed = parse(text);
      return parsed.ok && parsed.value.summaryOnly;
    };
    expect([
      value(summary),
      value(summary.replace('LF:1', 'LF:0').replace('LF:7', 'LF:x')),
      value(`${summary}\nSF:c.rs\nDA:1,0\nend_of_record\n`),
      value('SF:a.rs\nFN:1,f\nFNDA:1,f\nBRDA:1,0,0,1\nLF:0\nend_of_record\n'),
      value(''),
      value('LF:3\n'),
      value('LF:3\nSF:a.rs\nend_of_record\n'),
    ]).toEqual([true, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('counts records outside SF…end_of_record and a stray end_of_record', () => {
    const text = 'DA:1,1\nBRDA:1,0,0,1\nFN:1,f\nFNDA:1,f\nFNL:0,1\nFNA:0,1,f\nend_of_record\nSF:a.ts\nDA:1,1\nend_of_record\nend_of_record\n';
    expect(parse(text)).toEqual(report([lcovFile('a.ts', { lines: [[0, 1]] })], 8));
  });

  it('closes a record at the next SF when end_of_record is missing, and at the end of input', () => {
    expect(parse('SF:a.ts\nDA:1,1\nSF:b.ts\nDA:2,0')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 1]] }), lcovFile('b.ts', { lines: [[1, 0]] })]),
    );
  });

  it('keeps the SF path as written, spaces and colons included; an empty SF is ignored', () => {
    expect(parse('SF:C:\\work\\my app\\a.ts\r\nend_of_record\r\nSF:\nDA:1,1\n')).toEqual(
      report([lcovFile('C:\\work\\my app\\a.ts')], 2),
    );
  });

  it('reads an end_of_record only when it is the whole line', () => {
    expect(parse('SF:a.ts\nend_of_records\nDA:1,1\nend_of_recor\n')).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 1]] })], 2),
    );
  });

  it('merges repeated SF records: hits add up, the k-th branch of a line pairs with the k-th', () => {
    const text = [
      'SF:a.ts', 'DA:1,1', 'DA:3,0', 'BRDA:3,0,0,0', 'BRDA:3,0,1,2', 'BRDA:5,0,0,-', 'FN:1,f', 'FNDA:1,f', 'end_of_record',
      'SF:b.ts', 'DA:1,1', 'end_of_record',
      'SF:a.ts', 'DA:2,4', 'DA:3,1', 'BRDA:3,0,0,1', 'BRDA:3,0,1,0', 'BRDA:3,0,2,0', 'BRDA:4,0,0,1', 'FN:1,f', 'FNDA:2,f', 'FN:9,g', 'end_of_record',
    ].join('\n');
    expect(parse(text)).toEqual(
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
    expect(parse('')).toEqual(report([]));
    expect(parse('\uFEFF\r\n\n')).toEqual(report([]));
  });

  it('fails with notLcov when nothing is recognised', () => {
    expect(parse('<html>\n<body>\n')).toEqual({
      ok: false,
      error: { kind: 'notLcov', message: 'Not an lcov file: no SF record among 2 unrecognised lines', ignoredLines: 2 },
    });
  });

  it('reads plain DA and BRDA lines through the fast paths and every other line through the general reader', () => {
    const text = [
      'SF:a.ts', 'DA:1,1', 'DA:2,0,Zm9v', 'BRDA:2,0,0,1', 'BRDA:2,0,1,-', 'BRDA:3,e0,0,1', 'DA:3,1\r', 'BRDA:4,0,0,0\r', 'FN:1,f', 'DX:1,1',
      'BRDX:1,0,0,1', 'end_of_record', 'DA:9,9', 'BRDA:9,0,0,9', 'SF:b.ts', 'DA:19,90', 'end_of_record', '',
    ].join('\n');
    expect([countsOf(text), parseInPieces(text, EVERY_OFFSET(text)).ok && countsOf(text.replaceAll('\n', '\r\n'))]).toEqual([
      { plainLines: 6, reorderedSpans: 0 },
      // With CRLF, the two lines that already ended with CR end with CR CR LF: not plain.
      { plainLines: 4, reorderedSpans: 0 },
    ]);
  });

  it('sorts only the runs that are out of order: DA needs strictly rising lines, BRDA allows repeats', () => {
    expect([
      countsOf('SF:a\nDA:1,1\nDA:2,1\nBRDA:1,0,0,1\nBRDA:1,0,1,1\nBRDA:2,0,0,1\nend_of_record\n'),
      countsOf('SF:a\nDA:2,1\nDA:1,1\nend_of_record\n'),
      countsOf('SF:a\nDA:1,1\nDA:1,2\nBRDA:2,0,0,1\nBRDA:1,0,0,1\nend_of_record\n'),
      countsOf('SF:a\nDA:1,1\nend_of_record\nSF:b\nDA:1,1\nDA:3,1\nDA:2,1\nend_of_record\n'),
    ]).toEqual([
      { plainLines: 5, reorderedSpans: 0 },
      { plainLines: 2, reorderedSpans: 1 },
      { plainLines: 4, reorderedSpans: 2 },
      { plainLines: 4, reorderedSpans: 1 },
    ]);
  });

  it('sums a repeated first line of an unsorted run', () => {
    expect(one('DA:5,1', 'DA:2,3', 'DA:2,4')).toEqual(report([lcovFile('a.ts', { lines: [[1, 7], [4, 1]] })]));
  });

  it('merges a repeated SF whose lines and branches go past the first record', () => {
    const text = 'SF:a.ts\nDA:1,1\nBRDA:1,0,0,1\nend_of_record\nSF:a.ts\nDA:1,1\nDA:5,2\nBRDA:9,0,0,1\nend_of_record\n';
    expect(parse(text)).toEqual(report([lcovFile('a.ts', { lines: [[0, 2], [4, 2]], branches: [[0, 1, 1], [8, 1, 1]] })]));
  });

  it('keeps the branches of neighbouring files apart when they sit on the same line', () => {
    const text = 'SF:a.ts\nBRDA:3,0,0,1\nend_of_record\nSF:b.ts\nBRDA:3,0,0,0\nBRDA:3,0,1,0\nend_of_record\n';
    expect(parse(text)).toEqual(report([lcovFile('a.ts', { branches: [[2, 1, 1]] }), lcovFile('b.ts', { branches: [[2, 0, 2]] })]));
  });

  it('finds functions by name past the first few: hits of a repeated name add up, its first line stays', () => {
    const names = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const body = [...names.map((name, i) => `FN:${i + 1},${name}`), 'FN:40,f11', 'FN:41,f0', ...names.map((name) => `FNDA:2,${name}`), 'FNDA:1,f11', 'FNDA:5,new'];
    const functions = [...names.map((name, i) => ({ name, line: i, hits: name === 'f11' ? 3 : 2 })), { name: 'new', line: undefined, hits: 5 }];
    expect(one(...body)).toEqual(report([lcovFile('a.ts', { functions })]));
  });

  it('places a function first named by FNDA when FNL/FNA or FN give its line, and merges a record without functions', () => {
    const text = 'SF:a.ts\nFNDA:1,f\nFNDA:1,g\nFNL:0,7\nFNA:0,2,f\nFN:3,g\nFN:4,f\nend_of_record\nSF:a.ts\nDA:1,1\nend_of_record\n';
    expect(parse(text)).toEqual(
      report([lcovFile('a.ts', { lines: [[0, 1]], functions: [{ name: 'f', line: 6, hits: 3 }, { name: 'g', line: 2, hits: 1 }] })]),
    );
  });

  it('reads FN with an end line of 0, FNL on line 1, FNA with 0 hits and FNA without FNL', () => {
    expect(one('FN:3,0,f', 'FNL:0,1', 'FNA:0,0,g', 'FNA:4,2,h')).toEqual(
      report([lcovFile('a.ts', { functions: [{ name: 'f', line: 2, hits: 0 }, { name: 'g', line: 0, hits: 0 }, { name: 'h', line: undefined, hits: 2 }] })]),
    );
  });

  it('counts function records with a missing number or a missing comma', () => {
    const bad = ['FNL:,5', 'FNL:1;5', 'FNA:,1,f', 'FNA:1;1,f', 'FNA:0,,f', 'FNA:0,1;f', 'FNDA:,f', 'FNDA:1;f', 'FN:3 f'];
    expect(one(...bad)).toEqual(report([lcovFile('a.ts')], bad.length));
  });

  it('counts lines that only start like a known record', () => {
    const bad = ['DA:3x1', 'DA:3,1;2', 'Vfoo', 'VE:1', 'Sx:b.ts', 'end_of_recorx', 'BRDX:1,0,0,1', 'BRDA:1,0;0,1', 'BRDA:1', 'BRDA:1,', 'BRDA:1,0'];
    expect(one(...bad)).toEqual(report([lcovFile('a.ts')], bad.length));
  });

  it('reads line numbers up to 2^32 - 1 and counts larger ones as malformed instead of wrapping them', () => {
    const bad = ['DA:4294967296,1', 'BRDA:4294967296,0,0,1', 'FN:4294967296,f', 'FNL:0,4294967296', 'DA:4294967297,1,x', 'BRDA:4294967297,e0,0,1'];
    expect(one('DA:4294967295,3', 'BRDA:4294967295,0,0,1', ...bad)).toEqual(
      report([lcovFile('a.ts', { lines: [[4294967294, 3]], branches: [[4294967294, 1, 1]] })], bad.length),
    );
  });

  it('looks for the last comma of a BRDA inside its own line', () => {
    expect(one('BRDA:1,e0,0,1', ',x')).toEqual(report([lcovFile('a.ts', { branches: [[0, 1, 1]] })], 1));
  });

  it('keeps reading the record after a line that is as long as end_of_record but is not', () => {
    expect(one('end_of_recorx', 'DA:1,1')).toEqual(report([lcovFile('a.ts', { lines: [[0, 1]] })], 1));
  });

  it('reads an FNDA whose name looks like the fields of a BRDA as a function', () => {
    expect(one('FNDA:1,0,0,1')).toEqual(report([lcovFile('a.ts', { functions: [{ name: '0,0,1', line: undefined, hits: 1 }] })]));
  });

  it('reads FNA in a record without FNL: the function has no line', () => {
    expect(one('FNA:4,2,h')).toEqual(report([lcovFile('a.ts', { functions: [{ name: 'h', line: undefined, hits: 2 }] })]));
  });

  it('takes the line of a function from a later record of the same SF when the first had none', () => {
    expect(parse('SF:a.ts\nFNDA:1,f\nend_of_record\nSF:a.ts\nFN:3,f\nFNDA:2,f\nend_of_record\n')).toEqual(
      report([lcovFile('a.ts', { functions: [{ name: 'f', line: 2, hits: 3 }] })]),
    );
  });

  it('reads text that starts with blank lines', () => {
    expect([parse('\nSF:a.ts\nDA:1,1\n'), parse('\r\n\nSF:a.ts\nDA:1,1\n')]).toEqual([
      report([lcovFile('a.ts', { lines: [[0, 1]] })]),
      report([lcovFile('a.ts', { lines: [[0, 1]] })]),
    ]);
  });

  it('can be ended twice with the same result', () => {
    const parser = new LcovParser();
    parser.push('SF:a.ts\nDA:1,1');
    const first = parser.end();
    expect([first, parser.end()]).toEqual([report([lcovFile('a.ts', { lines: [[0, 1]] })]), first]);
  });

  it('keeps a BOM that is not at the very start as part of the text', () => {
    const parser = new LcovParser();
    parser.push('');
    parser.push('SF:a.ts\n');
    parser.push('\uFEFFDA:1,1\n');
    expect(parser.end()).toEqual(report([lcovFile('a.ts')], 1));
  });
});

describe('Cursor.count', () => {
  /** [value, position after] of reading `text` from 0 with the line ending at `end`. */
  const read = (text: string, end = text.length): [number, number] => {
    const c = new Cursor();
    return [c.count(text, end), c.p];
  };

  it('reads a Perl number no further than the end of its line', () => {
    const text = '2.5e+3,';
    expect([1, 2, 3, 4, 5, 6, 7].map((end) => read(text, end))).toEqual([
      [2, 1],
      [2, 2],
      [2.5, 3],
      [2.5, 3],
      [2.5, 3],
      [2500, 6],
      [2500, 6],
    ]);
    expect([read('-7', 1), read('+7', 1), read('.5', 1), read('1.5', 2), read('1E2', 2), read('1e-2', 3)]).toEqual([
      [-1, 0],
      [-1, 0],
      [-1, 0],
      [1, 2],
      [1, 1],
      [1, 1],
    ]);
  });

  it('reads signs, fractions and exponents, a negative count as 0, and nothing at all as -1', () => {
    expect(['-3', '+4', '.5', '6.', '1.0e+19', '2E-1', '-2.5e2', '7e', 'x', '-', '.', 'e5', '-.e1'].map((text) => read(text))).toEqual([
      [0, 2], [4, 2], [0.5, 2], [6, 2], [1e19, 7], [0.2, 4], [0, 6], [7, 1], [-1, 0], [-1, 0], [-1, 0], [-1, 0], [-1, 0],
    ]);
  });
});
