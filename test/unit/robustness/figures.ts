// The figures the Reliability section of the README states. Each test that a figure describes
// uses it from here, and readme.test.ts checks that the README says the same numbers.

/** Cases in test/fixtures/reports/hostile/cases.mjs. */
export const CORPUS_CASES = 41;

/** Runs of each fast-check property (test/unit/robustness/*.property.test.ts), by property name. */
export const PROPERTY_RUNS = {
  'parseReportText never throws on arbitrary text': 3000,
  'parseReportText never throws on arbitrary JSON values': 1000,
  'a report cut at any offset is incomplete, never accepted': 100,
  'loadReport never throws on arbitrary bytes on disk': 200,
  'built mutants are the report positions minus one, reversed ones dropped': 500,
  'sameJson agrees with a canonical-JSON reference': 2000,
  'resolveReportKey never leaves the workspace or looks outside it': 3000,
  'remapping between identical texts is the identity': 1000,
  'remapped ranges stay inside the current document': 2000,
  'a mutant that is not stale covers the same text after the remap': 2000,
  'matchLines keeps a longest common subsequence': 1000,
  'parseLcov never throws on arbitrary text': 2000,
  'garbage lines in lcov are counted and change nothing else': 200,
  'parseDiff never throws on arbitrary text': 3000,
  'changed lines match git diff --numstat and keep a common subsequence': 60,
  'TailBuffer keeps exactly the last bytes however the output is chunked': 1000,
  'any glob over any path finishes in linear steps': 3000,
  'a path built from a glob matches it': 2000,
} as const;

export type PropertyName = keyof typeof PROPERTY_RUNS;

/** Iterations of the writer race in test/integration/robustness/race.test.ts. */
export const RACE_ITERATIONS = 100;
