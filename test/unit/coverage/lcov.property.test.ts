import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLcov } from '../../../bench/generators/lcov';
import { LcovParser, parseLcov } from '../../../src/core/coverage/lcov';
import { plain } from './lcovHelpers';

/** A slow, obvious parser of the generator's records, to check the fast one against. */
function referenceParse(text: string): object[] {
  const files = new Map<string, { lines: Map<number, number>; branches: Map<number, number[]>; fns: Map<string, { name: string; line: number | undefined; hits: number }> }>();
  let current: ReturnType<typeof files.get>;
  for (const line of text.split(/\r?\n/)) {
    const [tag, rest = ''] = line.split(/:(.*)/s);
    const fields = rest.split(',');
    if (tag === 'SF') {
      current = files.get(rest) ?? { lines: new Map(), branches: new Map(), fns: new Map() };
      files.set(rest, current);
    } else if (tag === 'DA' && current) {
      const l = Number(fields[0]) - 1;
      current.lines.set(l, (current.lines.get(l) ?? 0) + Number(fields[1]));
    } else if (tag === 'BRDA' && current) {
      const l = Number(fields[0]) - 1;
      current.branches.set(l, [...(current.branches.get(l) ?? []), fields[3] === '-' ? 0 : Number(fields[3])]);
    } else if (tag === 'FN' && current) {
      current.fns.set(fields[1] as string, { name: fields[1] as string, line: Number(fields[0]) - 1, hits: 0 });
    } else if (tag === 'FNDA' && current) {
      const f = current.fns.get(fields[1] as string);
      if (f) f.hits += Number(fields[0]);
    }
  }
  return [...files].map(([path, f]) => ({
    path,
    lines: [...f.lines].sort((a, b) => a[0] - b[0]),
    branches: [...f.branches].sort((a, b) => a[0] - b[0]).map(([l, t]) => [l, t.filter((n) => n > 0).length, t.length]),
    functions: [...f.fns.values()],
  }));
}

describe('parseLcov on generated reports', { timeout: 30_000 }, () => {
  it('agrees with a reference parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 6000 }), (seed, size) => {
        const text = generateLcov(seed, size);
        const r = parseLcov(text);
        expect(r.ok && [r.value.ignoredLines, r.value.files.map(plain)]).toEqual([0, referenceParse(text)]);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same result however the text is cut into pieces, with CRLF or LF', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.boolean(),
        fc.uniqueArray(fc.integer({ min: 0, max: 1500 }), { maxLength: 40 }),
        (seed, crlf, rawCuts) => {
          const lf = generateLcov(seed, 1500);
          const text = crlf ? lf.replaceAll('\n', '\r\n') : lf;
          const parser = new LcovParser();
          let from = 0;
          for (const cut of [...rawCuts].sort((a, b) => a - b)) {
            parser.push(text.slice(from, cut));
            from = Math.max(from, cut);
          }
          parser.push(text.slice(from));
          expect(parser.end()).toEqual(parseLcov(lf));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('reads near-lcov text the same through the plain-record fast paths and the general reader', () => {
    // Pushed one character at a time, every line is completed from the carried text and goes
    // through the general reader; pushed whole, plain DA and BRDA lines take the fast paths.
    const field = fc.constantFrom('', '0', '1', '12', '-', 'e0', 'x', ' ');
    const line = fc.record({
      tag: fc.constantFrom('DA:', 'BRDA:', 'FN:', 'SF:', 'end_of_record', 'D', ''),
      fields: fc.array(field, { minLength: 1, maxLength: 5 }),
      separator: fc.constantFrom(',', ',', ',', ';'),
      ending: fc.constantFrom('\n', '\n', '\r\n', '\r', '\r\r\n'),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = `SF:f.ts\n${lines.map((l) => l.tag + l.fields.join(l.separator) + l.ending).join('')}`;
        const parser = new LcovParser();
        for (const ch of text) parser.push(ch);
        expect(parser.end()).toEqual(parseLcov(text));
      }),
      { numRuns: 300 },
    );
  });

  it('makes the same text from the same seed and reaches the size asked for', () => {
    const a = generateLcov(7, 5000);
    expect([a === generateLcov(7, 5000), a === generateLcov(8, 5000), a.length >= 5000, a.endsWith('end_of_record\n')]).toEqual([true, false, true, true]);
  });
});

describe('parseLcov on the real vitest report of the sample project', () => {
  it('agrees with lcov-parse on lines, branches and functions', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../fixtures/sample-project/coverage/lcov.info', import.meta.url), 'utf8');
    // @ts-expect-error lcov-parse ships no types
    const lcovParse = (await import('lcov-parse')).default as { source: (t: string, cb: (e: string | null, d: LcovParseFile[]) => void) => void };
    const theirs = await new Promise<LcovParseFile[]>((resolve, reject) => lcovParse.source(text, (e, d) => (e ? reject(new Error(e)) : resolve(d))));
    const expected = theirs.map((f) => ({
      path: f.file,
      lines: f.lines.details.map((d) => [d.line - 1, d.hit]),
      branches: perLine(f.branches.details),
      functions: f.functions.details.map((d) => ({ name: d.name, line: d.line - 1, hits: d.hit })),
    }));
    const ours = parseLcov(text);
    expect([theirs.length > 0, ours.ok && ours.value.files.map(plain)]).toEqual([true, expected]);
  });
});

interface LcovParseFile {
  file: string;
  lines: { details: { line: number; hit: number }[] };
  branches: { details: { line: number; taken: number | '-' }[] };
  functions: { details: { name: string; line: number; hit: number }[] };
}

function perLine(details: { line: number; taken: number | '-' }[]): number[][] {
  const byLine = new Map<number, number[]>();
  for (const d of details) byLine.set(d.line - 1, [...(byLine.get(d.line - 1) ?? []), d.taken === '-' ? 0 : d.taken]);
  return [...byLine].sort((a, b) => a[0] - b[0]).map(([l, t]) => [l, t.filter((n) => n > 0).length, t.length]);
}
