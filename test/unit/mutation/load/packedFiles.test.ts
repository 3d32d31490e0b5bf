// The packed batches the report worker sends (packedFiles.ts): what the host unpacks is the model
// the worker built, field for field (undefined and [] lists kept apart, any test id), through a
// real structured clone with the buffers transferred, as postMessage does.
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, generateReport } from '../../../../bench/generators/report';
import { takeBatch } from '../../../../src/core/mutation/load/batches';
import { BatchPacker, BatchUnpacker, type PackedBatch } from '../../../../src/core/mutation/load/packedFiles';
import { buildContextOf, buildLoadedReport } from '../../../../src/core/mutation/report/build';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import type { ReportMutant, ReportSourceFile } from '../../../../src/core/mutation/report/model';
import { parseReportText } from '../../../../src/core/mutation/report/parse';
import { SAMPLE_JSON, sampleJsonText } from '../report/fixtures';

function mutant(overrides: Partial<ReportMutant> = {}): ReportMutant {
  return {
    id: '1',
    mutatorName: 'EqualityOperator',
    replacement: 'b > c',
    description: undefined,
    status: 'Survived',
    statusReason: undefined,
    range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
    coveredBy: undefined,
    killedBy: undefined,
    isStatic: undefined,
    ...overrides,
  };
}

function file(name: string, mutants: ReportMutant[], language = 'typescript'): ReportSourceFile {
  return { path: `/w/src/${name}`, key: `src/${name}`, language, source: 'const a = b >= c;\n', mutants };
}

/** As postMessage carries it: a structured clone with the buffers transferred (the sender's are detached after). */
function sent(packed: { readonly batch: PackedBatch; readonly transfer: ArrayBuffer[] }): PackedBatch {
  return structuredClone(packed.batch, { transfer: packed.transfer });
}

/** The files as plain objects: a spread reads the getters, as any reader of the model does. */
function plain(files: readonly ReportSourceFile[]): unknown {
  return files.map((one) => ({ ...one, mutants: one.mutants.map((m) => ({ ...m })) }));
}

function roundTrip(batches: ReadonlyArray<readonly ReportSourceFile[]>): ReportSourceFile[] {
  const packer = new BatchPacker();
  const unpacker = new BatchUnpacker();
  return batches.flatMap((files) => unpacker.unpack(sent(packer.pack(files))));
}

describe('packed batches', () => {
  it('give back every field of every mutant, undefined and empty lists kept apart', () => {
    const files = [
      file('a.ts', [
        mutant({ id: 'a', coveredBy: undefined, killedBy: undefined }),
        mutant({ id: 'b', coveredBy: [], killedBy: [], description: 'd', statusReason: 'r', isStatic: false, status: 'Killed' }),
        mutant({ id: 'c', coveredBy: ['1', '2'], killedBy: undefined, isStatic: true, replacement: undefined }),
        mutant({ id: 'd', coveredBy: undefined, killedBy: ['2'] }),
      ]),
      file('b.ts', [], 'javascript'),
    ];
    const back = roundTrip([files]);
    expect(plain(back)).toStrictEqual(files);
    expect(back[0]?.mutants.map((m) => [m.coveredBy, m.killedBy])).toStrictEqual([
      [undefined, undefined],
      [[], []],
      [['1', '2'], undefined],
      [undefined, ['2']],
    ]);
  });

  it('read as the model does: the same keys in build\'s order, through a spread, JSON and a deep comparison', () => {
    const original = mutant({ coveredBy: ['t1'], killedBy: ['t1'], isStatic: false });
    const [back] = roundTrip([[file('a.ts', [original])]]);
    const received = back?.mutants[0] as ReportMutant;
    expect(Object.keys(received)).toEqual(['id', 'mutatorName', 'replacement', 'description', 'status', 'statusReason', 'range', 'coveredBy', 'killedBy', 'isStatic']);
    expect(Object.keys(received)).toEqual(Object.keys(original));
    expect(JSON.stringify(received)).toBe(JSON.stringify(original));
    expect(received).toEqual(original);
    expect({ ...received, status: 'Killed' }).toStrictEqual({ ...original, status: 'Killed' });
  });

  it('gives a fresh list at every read: changing one changes nothing kept', () => {
    const [back] = roundTrip([[file('a.ts', [mutant({ coveredBy: ['1', '2'] })])]]);
    const received = back?.mutants[0] as ReportMutant;
    (received.coveredBy as string[]).push('3');
    expect(received.coveredBy).toEqual(['1', '2']);
    expect(received.coveredBy).not.toBe(received.coveredBy);
  });

  it('keeps test ids that are not numbers, are empty, or name Object members, each as it was', () => {
    const ids = ['__proto__', 'constructor', '', 'toString', 'test with spaces ✓', '0', '00', '1e3', 'hasOwnProperty'];
    const files = [file('a.ts', [mutant({ coveredBy: ids, killedBy: ['__proto__', '__proto__'] }), mutant({ id: '__proto__', coveredBy: [...ids].reverse() })])];
    expect(plain(roundTrip([files]))).toStrictEqual(files);
  });

  it('sends each test id once per load: a later batch sends only the ids no earlier batch listed', () => {
    const packer = new BatchPacker();
    const first = packer.pack([file('a.ts', [mutant({ coveredBy: ['x', 'y', 'x'], killedBy: ['y'] })])]).batch;
    const second = packer.pack([file('b.ts', [mutant({ coveredBy: ['y', 'z'], killedBy: ['x'] })])]).batch;
    expect(first.newTests).toEqual(['x', 'y']);
    expect(second.newTests).toEqual(['z']);
    expect([...(first.files[0]?.tests ?? [])]).toEqual([0, 1, 0, 1]);
    expect([...(first.files[0]?.spans ?? [])]).toEqual([0, 3, 3, 4]);
    expect([...(second.files[0]?.tests ?? [])]).toEqual([1, 2, 0]);
    expect([...(second.files[0]?.spans ?? [])]).toEqual([0, 2, 2, 3]);
  });

  it('sends each other value once per batch, and marks a mutant without a list with -1', () => {
    const { batch } = new BatchPacker().pack([
      file('a.ts', [mutant({ status: 'Killed', statusReason: 'r', isStatic: true }), mutant({ id: '2', mutatorName: 'Other', replacement: undefined })]),
      file('b.ts', [mutant({ id: '3', coveredBy: [] })], 'javascript'),
    ]);
    expect(batch.values).toEqual(['EqualityOperator', 'b > c', undefined, 'Killed', 'r', true, 'Other', 'Survived', 'typescript', 'javascript']);
    expect(batch.files.map((one) => [one.language, [...one.fields], [...one.spans], [...one.ranges], one.ids])).toEqual([
      [8, [0, 1, 2, 3, 4, 5, 6, 2, 2, 7, 2, 2], [-1, 0, -1, 0, -1, 0, -1, 0], [0, 10, 0, 16, 0, 10, 0, 16], ['1', '2']],
      [9, [0, 1, 2, 7, 2, 2], [0, 0, -1, 0], [0, 10, 0, 16], ['3']],
    ]);
    expect(batch.files.map((one) => [one.path, one.key, one.source])).toEqual([
      ['/w/src/a.ts', 'src/a.ts', 'const a = b >= c;\n'],
      ['/w/src/b.ts', 'src/b.ts', 'const a = b >= c;\n'],
    ]);
  });

  it('transfers the buffers: the worker keeps none of them', () => {
    const packed = new BatchPacker().pack([file('a.ts', [mutant({ coveredBy: ['1'] })])]);
    const packedFile = packed.batch.files[0];
    expect(packed.transfer).toEqual([packedFile?.fields.buffer, packedFile?.ranges.buffer, packedFile?.spans.buffer, packedFile?.tests.buffer]);
    sent(packed);
    expect(packed.transfer.map((buffer) => buffer.byteLength)).toEqual([0, 0, 0, 0]);
  });

  it('keeps positions that are not int32s exactly (a Float64Array), and int32 ones in an Int32Array', () => {
    const odd = [
      mutant({ range: { start: { line: 2 ** 31, character: 1.5 }, end: { line: 2 ** 31, character: 2 } } }),
      mutant({ id: '2', range: { start: { line: -0, character: 0 }, end: { line: 0, character: -1 } } }),
    ];
    const packer = new BatchPacker();
    const oddBatch = packer.pack([file('a.ts', odd)]);
    expect(oddBatch.batch.files[0]?.ranges).toBeInstanceOf(Float64Array);
    const back = new BatchUnpacker().unpack(sent(oddBatch));
    expect(plain(back)).toStrictEqual([file('a.ts', odd)]);
    expect(Object.is(back[0]?.mutants[1]?.range.start.line, -0)).toBe(true);
    const negativeZero = packer.pack([file('b.ts', [mutant({ range: { start: { line: 0, character: -0 }, end: { line: 0, character: 0 } } })])]);
    expect(negativeZero.batch.files[0]?.ranges).toBeInstanceOf(Float64Array);
    const large = [mutant({ range: { start: { line: 2 ** 31, character: 0 }, end: { line: 2 ** 31, character: 1.5 } } })];
    const largeBatch = packer.pack([file('d.ts', large)]);
    expect(largeBatch.batch.files[0]?.ranges).toBeInstanceOf(Float64Array);
    expect(plain(new BatchUnpacker().unpack(sent(largeBatch)))).toStrictEqual([file('d.ts', large)]);
    const plainInts = packer.pack([file('c.ts', [mutant({ range: { start: { line: -(2 ** 31), character: 0 }, end: { line: 2 ** 31 - 1, character: 3 } } })])]);
    expect(plainInts.batch.files[0]?.ranges).toBeInstanceOf(Int32Array);
    expect([...(plainInts.batch.files[0]?.ranges ?? [])]).toEqual([-(2 ** 31), 0, 2 ** 31 - 1, 3]);
  });

  it('uses 16-bit test indices while the load\'s table fits them, 32-bit ones past 65,536 tests', () => {
    const many = Array.from({ length: 65_537 }, (_, i) => `t${i}`);
    const packer = new BatchPacker();
    const unpacker = new BatchUnpacker();
    const small = packer.pack([file('a.ts', [mutant({ coveredBy: many.slice(0, 65_536) })])]);
    expect(small.batch.files[0]?.tests).toBeInstanceOf(Uint16Array);
    unpacker.unpack(sent(small));
    const large = packer.pack([file('b.ts', [mutant({ coveredBy: ['t0', 't65536'] })])]);
    expect(large.batch.files[0]?.tests).toBeInstanceOf(Uint32Array);
    expect([...(large.batch.files[0]?.tests ?? [])]).toEqual([0, 65_536]);
    expect(unpacker.unpack(sent(large))[0]?.mutants[0]?.coveredBy).toEqual(['t0', 't65536']);
  });

  it('refuses a batch whose columns do not fit together, or that names a value it did not send', () => {
    const packed = sent(new BatchPacker().pack([file('a.ts', [mutant()])]));
    const one = packed.files[0] as PackedBatch['files'][number];
    expect(() => new BatchUnpacker().unpack({ ...packed, files: [{ ...one, ids: ['1', '2'] }] })).toThrow(new Error('the packed file /w/src/a.ts does not fit together'));
    expect(() => new BatchUnpacker().unpack({ ...packed, files: [{ ...one, ranges: new Int32Array(3) }] })).toThrow(new Error('the packed file /w/src/a.ts does not fit together'));
    expect(() => new BatchUnpacker().unpack({ ...packed, files: [{ ...one, spans: new Int32Array(5) }] })).toThrow(new Error('the packed file /w/src/a.ts does not fit together'));
    expect(() => new BatchUnpacker().unpack({ ...packed, files: [{ ...one, fields: new Int32Array(7) }] })).toThrow(new Error('the packed file /w/src/a.ts does not fit together'));
    expect(() => new BatchUnpacker().unpack({ ...packed, files: [{ ...one, language: packed.values.length }] })).toThrow(new Error(`the packed file /w/src/a.ts names value ${packed.values.length} of ${packed.values.length}`));
    expect(() => new BatchUnpacker().unpack({ ...packed, files: [{ ...one, fields: Int32Array.from([0, 1, 2, 3, 2, -1]) }] })).toThrow(new Error(`the packed file /w/src/a.ts names value -1 of ${packed.values.length}`));
  });

  const sample = (): MutationTestResult => {
    const parsed = parseReportText(sampleJsonText(), 'json');
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  const generated = (): MutationTestResult => generateReport({ ...DEFAULT_REPORT_OPTIONS, mutants: 3_000, files: 40, hotFileMutants: 300, testFiles: 12, testsPerFile: 9, projectRoot: '/w' });
  for (const [name, report] of [['the sample project\'s report', sample], ['a generated StrykerJS-shaped report', generated]] as const) {
    it(`gives back ${name} exactly, in batches of any size`, () => {
      const built = buildLoadedReport(report(), buildContextOf(classifyReport(SAMPLE_JSON), { workspaceFolders: ['/'], exists: () => true, filesNamed: () => [] }));
      const files = [...built.files.values()];
      expect(files.flatMap((one) => one.mutants).filter((m) => m.coveredBy !== undefined && m.coveredBy.length > 0).length).toBeGreaterThan(50);
      for (const mutants of [1, 100, 1_000_000]) {
        const queue = [...files];
        const batches: ReportSourceFile[][] = [];
        while (queue.length > 0) batches.push(takeBatch(queue, { mutants, sourceCharacters: 1_000_000 }));
        expect(plain(roundTrip(batches))).toStrictEqual(files);
      }
    });
  }
});
