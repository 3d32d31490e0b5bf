// The robustness suite's workspace: one package folder per hostile case (each starts with a good
// report, the test then writes the case over it), `race/` for the writer race, and a symlink loop
// at the top.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cases, LCOV_GARBAGE, prepareCase } from '../../fixtures/reports/hostile/cases.mjs';
import { RACE_ITERATIONS, RACE_SOURCE, raceReport } from './raceReports.mjs';

export function makeRobustnessWorkspace(dir) {
  for (const testCase of cases) prepareCase(join(dir, testCase.name), testCase);
  mkdirSync(join(dir, 'race/src'), { recursive: true });
  mkdirSync(join(dir, 'race/reports/mutation'), { recursive: true });
  writeFileSync(join(dir, 'race/src/race.ts'), RACE_SOURCE);
  writeFileSync(join(dir, 'race/reports/mutation/mutation.json'), raceReport(RACE_ITERATIONS));
  mkdirSync(join(dir, 'lcov-garbage/coverage'), { recursive: true });
  writeFileSync(join(dir, 'lcov-garbage/coverage/lcov.info'), LCOV_GARBAGE);
  symlinkSync('.', join(dir, 'top-loop'));
}
