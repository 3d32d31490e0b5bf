import { defineConfig } from 'vitest/config';

// Conformance tier: every file of the shared corpus of real reports and lcov files (../shared/corpus
// beside the clone, or MUTANT_LENS_CORPUS), read through the project's own loaders and compared
// with independent references. One test per corpus file; each prints one line of its own.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    reporters: ['default'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    // The per-file lines go straight to stdout, without vitest's "stdout | test" headers.
    disableConsoleIntercept: true,
  },
});
