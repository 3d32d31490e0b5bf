import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config.mts';

// The unit tests Stryker runs against each mutant of src/core: everything but the property and
// corpus suites (run in the unit tier) and the tests that start real processes (process.ts,
// gitCli.ts and rerun/execute.ts are glue around child processes and are not mutated; the
// command-line gate's end-to-end tests in test/unit/cli run git, and test/unit/gate covers src/core/gate).
export default mergeConfig(
  unit,
  defineConfig({
    test: {
      exclude: ['test/unit/robustness/**', 'test/unit/shared/process.test.ts', 'test/unit/git/gitCli.test.ts', 'test/unit/rerun/execute.test.ts', 'test/unit/mutation/tools/mutmut/rerun.test.ts', 'test/unit/cli/**', '**/node_modules/**'],
      testTimeout: 30_000,
    },
  }),
);
