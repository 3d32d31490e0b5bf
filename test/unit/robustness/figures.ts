// The figures the Reliability section of the README states. Each test that a figure describes
// uses it from here, and readme.test.ts checks that the README says the same numbers.

/** Cases in test/fixtures/reports/hostile/cases.mjs. */
export const CORPUS_CASES = 41;
