/**
 * A batch of report files as the worker sends them to the extension host: columns, not one
 * structured-clone object per mutant. Structured clone makes a fresh string of every string it
 * carries, and a report's `coveredBy` lists name the same few thousand tests millions of times
 * (the bench's 100,000 mutants: 3.2 million ids). Here every test id crosses once per load (the
 * load's test table), every other value once per batch (the batch's value table), and the lists
 * are indices in typed arrays whose buffers are transferred, not copied.
 *
 * On the host a file's mutants keep their lists as those indices: `coveredBy` and `killedBy` are
 * own enumerable getters that build the string array when read (a hover, the change's tests), so
 * the model stays a `ReportMutant` to every reader (spread, JSON, deep equality) at a fraction of
 * the memory of millions of array slots.
 */
import type { Range } from '../../shared/types';
import type { ReportMutant, ReportSourceFile } from '../report/model';

/** One file of a batch. Indices into `values` are per batch; indices into the test table per load. */
export interface PackedFile {
  readonly path: string;
  readonly key: string;
  readonly source: string;
  /** Index of the file's language in the batch's values. */
  readonly language: number;
  /** The mutants' ids, in order. */
  readonly ids: readonly string[];
  /** Per mutant, FIELDS indices into the batch's values (mutatorName, replacement, description, status, statusReason, isStatic). */
  readonly fields: Int32Array;
  /** Per mutant: start line, start character, end line, end character (Float64Array only when one is not an int32). */
  readonly ranges: Int32Array | Float64Array;
  /** Per mutant: coveredBy's start and end in `tests`, then killedBy's (a start of -1: no list). */
  readonly spans: Int32Array;
  /** The lists' test ids, as indices into the load's test table. */
  readonly tests: Uint16Array | Uint32Array;
}

export interface PackedBatch {
  /** The distinct values of the batch's fields other than ids, sources, keys and paths. */
  readonly values: readonly unknown[];
  /** Test ids first listed in this batch: appended to the load's test table, in order. */
  readonly newTests: readonly unknown[];
  readonly files: readonly PackedFile[];
}

const FIELDS = 6;

/** The worker's side, one per load: remembers which test ids the host's table already holds. */
export class BatchPacker {
  private readonly tests = new Map<unknown, number>();

  /** The batch and the buffers to transfer with it. */
  pack(files: readonly ReportSourceFile[]): { readonly batch: PackedBatch; readonly transfer: ArrayBuffer[] } {
    const values = new Map<unknown, number>();
    const newTests: unknown[] = [];
    const transfer: ArrayBuffer[] = [];
    const valueIndex = (value: unknown): number => indexIn(values, value);
    const testIndex = (test: unknown): number => {
      const known = this.tests.get(test);
      if (known !== undefined) return known;
      newTests.push(test);
      return indexIn(this.tests, test);
    };
    const packed = files.map((file) => {
      const one = packFile(file, valueIndex, testIndex);
      transfer.push(one.fields.buffer as ArrayBuffer, one.ranges.buffer as ArrayBuffer, one.spans.buffer as ArrayBuffer, one.tests.buffer as ArrayBuffer);
      return one;
    });
    return { batch: { values: [...values.keys()], newTests, files: packed }, transfer };
  }
}

function indexIn(map: Map<unknown, number>, value: unknown): number {
  let index = map.get(value);
  if (index === undefined) {
    index = map.size;
    map.set(value, index);
  }
  return index;
}

function packFile(file: ReportSourceFile, valueIndex: (value: unknown) => number, testIndex: (test: unknown) => number): PackedFile {
  const count = file.mutants.length;
  const fields = new Int32Array(count * FIELDS);
  // Stryker disable next-line ArrayDeclaration: sized up front for speed; an array that grows holds the same numbers
  const corners = new Array<number>(count * 4);
  const spans = new Int32Array(count * 4);
  const tests: number[] = [];
  const list = (ids: readonly unknown[] | undefined, at: number): void => {
    spans[at] = ids === undefined ? -1 : tests.length;
    for (const id of ids ?? []) tests.push(testIndex(id));
    spans[at + 1] = tests.length;
  };
  file.mutants.forEach((mutant, i) => {
    const at = i * FIELDS;
    fields[at] = valueIndex(mutant.mutatorName);
    fields[at + 1] = valueIndex(mutant.replacement);
    fields[at + 2] = valueIndex(mutant.description);
    fields[at + 3] = valueIndex(mutant.status);
    fields[at + 4] = valueIndex(mutant.statusReason);
    fields[at + 5] = valueIndex(mutant.isStatic);
    const { start, end } = mutant.range;
    corners[i * 4] = start.line;
    corners[i * 4 + 1] = start.character;
    corners[i * 4 + 2] = end.line;
    corners[i * 4 + 3] = end.character;
    list(mutant.coveredBy, i * 4);
    list(mutant.killedBy, i * 4 + 2);
  });
  return {
    path: file.path,
    key: file.key,
    source: file.source,
    language: valueIndex(file.language),
    ids: file.mutants.map((mutant) => mutant.id),
    fields,
    ranges: corners.every((n) => n === (n | 0) && !Object.is(n, -0)) ? Int32Array.from(corners) : Float64Array.from(corners),
    spans,
    tests: tests.every((n) => n <= 0xffff) ? Uint16Array.from(tests) : Uint32Array.from(tests),
  };
}

/** The host's side, one per load: the load's test table, and one shared string per distinct value. */
export class BatchUnpacker {
  private readonly tests: unknown[] = [];
  private readonly shared = new Map<unknown, unknown>();

  /** The batch's files as the model holds them. Throws on a batch that does not fit together (the worker is broken). */
  unpack(batch: PackedBatch): ReportSourceFile[] {
    for (const test of batch.newTests) this.tests.push(this.share(test));
    const values = batch.values.map((value) => this.share(value));
    return batch.files.map((file) => unpackFile(file, values, this.tests));
  }

  /** The first value equal to `value` this load received (shared for memory only: equal either way). */
  private share(value: unknown): unknown {
    const known = this.shared.get(value);
    // Stryker disable next-line ConditionalExpression,BlockStatement: which of two equal strings is kept shows in memory only
    if (known !== undefined) return known;
    this.shared.set(value, value);
    return value;
  }
}

function unpackFile(file: PackedFile, values: readonly unknown[], table: readonly unknown[]): ReportSourceFile {
  const count = file.ids.length;
  if (file.fields.length !== count * FIELDS || file.ranges.length !== count * 4 || file.spans.length !== count * 4) throw new Error(`the packed file ${file.path} does not fit together`);
  const lists = new TestLists(table, file.spans, file.tests);
  const value = (index: number): never => {
    if (index < 0 || index >= values.length) throw new Error(`the packed file ${file.path} names value ${index} of ${values.length}`);
    return values[index] as never;
  };
  // Stryker disable next-line ArrayDeclaration: sized up front for speed; an array that grows holds the same mutants
  const mutants = new Array<ReportMutant>(count);
  for (let i = 0; i < count; i++) {
    const at = i * FIELDS;
    const r = i * 4;
    const { ranges } = file;
    const range: Range = { start: { line: ranges[r] as number, character: ranges[r + 1] as number }, end: { line: ranges[r + 2] as number, character: ranges[r + 3] as number } };
    mutants[i] = new PackedMutant(file.ids[i] as string, value(file.fields[at] as number), value(file.fields[at + 1] as number), value(file.fields[at + 2] as number), value(file.fields[at + 3] as number), value(file.fields[at + 4] as number), range, value(file.fields[at + 5] as number), lists, i);
  }
  return { path: file.path, key: file.key, language: value(file.language), source: file.source, mutants };
}

/** A file's coveredBy and killedBy lists, as indices into its load's test table. */
class TestLists {
  constructor(
    private readonly table: readonly unknown[],
    private readonly spans: Int32Array,
    private readonly tests: Uint16Array | Uint32Array,
  ) {}

  /** The list that starts at `spans[at]`, as a fresh array; undefined when the mutant has none. */
  list(at: number): string[] | undefined {
    const start = this.spans[at] as number;
    if (start < 0) return undefined;
    const end = this.spans[at + 1] as number;
    // Stryker disable next-line ArrayDeclaration: sized up front for speed; an array that grows holds the same ids
    const ids = new Array<string>(end - start);
    for (let i = start; i < end; i++) ids[i - start] = this.table[this.tests[i] as number] as string;
    return ids;
  }
}

/**
 * A mutant received from the worker: the fields of a ReportMutant, in build's order, with
 * `coveredBy` and `killedBy` as own enumerable getters (a spread or a deep comparison sees them
 * as the arrays they read as). The same getter functions for every mutant: one shape for all.
 */
class PackedMutant implements ReportMutant {
  declare readonly id: string;
  declare readonly mutatorName: string;
  declare readonly replacement: string | undefined;
  declare readonly description: string | undefined;
  declare readonly status: ReportMutant['status'];
  declare readonly statusReason: string | undefined;
  declare readonly range: Range;
  declare readonly coveredBy: readonly string[] | undefined;
  declare readonly killedBy: readonly string[] | undefined;
  declare readonly isStatic: boolean | undefined;
  readonly #lists: TestLists;
  readonly #index: number;

  static readonly #coveredBy: PropertyDescriptor = {
    enumerable: true,
    get(this: PackedMutant): readonly string[] | undefined {
      return this.#lists.list(this.#index * 4);
    },
  };

  static readonly #killedBy: PropertyDescriptor = {
    enumerable: true,
    get(this: PackedMutant): readonly string[] | undefined {
      return this.#lists.list(this.#index * 4 + 2);
    },
  };

  // Positional, not one object of fields: no second object per mutant on the host's thread.
  constructor(id: string, mutatorName: string, replacement: string | undefined, description: string | undefined, status: ReportMutant['status'], statusReason: string | undefined, range: Range, isStatic: boolean | undefined, lists: TestLists, index: number) {
    this.#lists = lists;
    this.#index = index;
    const self = this as { -readonly [K in keyof ReportMutant]: ReportMutant[K] };
    self.id = id;
    self.mutatorName = mutatorName;
    self.replacement = replacement;
    self.description = description;
    self.status = status;
    self.statusReason = statusReason;
    self.range = range;
    Object.defineProperty(this, 'coveredBy', PackedMutant.#coveredBy);
    Object.defineProperty(this, 'killedBy', PackedMutant.#killedBy);
    self.isStatic = isStatic;
  }
}
