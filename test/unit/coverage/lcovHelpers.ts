import type { LcovFile, LcovFunction } from '../../../src/core/coverage/lcov';

export interface FileSpec {
  /** [0-based line, hits] */
  readonly lines?: readonly (readonly [number, number])[];
  /** [0-based line, taken, total] */
  readonly branches?: readonly (readonly [number, number, number])[];
  readonly functions?: readonly LcovFunction[];
}

/** The LcovFile the parser should produce, written compactly. */
export function lcovFile(path: string, spec: FileSpec = {}): LcovFile {
  const lines = spec.lines ?? [];
  const branches = spec.branches ?? [];
  return {
    path,
    lines: Uint32Array.from(lines.map((l) => l[0])),
    hits: Float64Array.from(lines.map((l) => l[1])),
    branchLines: Uint32Array.from(branches.map((b) => b[0])),
    branchesTaken: Uint32Array.from(branches.map((b) => b[1])),
    branchesTotal: Uint32Array.from(branches.map((b) => b[2])),
    functions: spec.functions ?? [],
  };
}

/** A file as plain arrays, for comparisons that should not depend on array types. */
export function plain(file: LcovFile): object {
  return {
    path: file.path,
    lines: [...file.lines].map((line, i) => [line, file.hits[i]]),
    branches: [...file.branchLines].map((line, i) => [line, file.branchesTaken[i], file.branchesTotal[i]]),
    functions: file.functions,
  };
}
