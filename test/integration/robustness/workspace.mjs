// The robustness suite's workspace: one package folder per hostile case (each starts with a good
// report, the test then writes the case over it), `race/` for the writer race, and a symlink loop
// at the top.
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cases, LCOV_GARBAGE, prepareCase, SOURCE } from '../../fixtures/reports/hostile/cases.mjs';
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
  makeLargeCases(dir);
}

/** Lines of the lcov file with 10^7 zero-hit DA lines, and mutants in the one-line report (security.test.ts). */
export const DA_LINES = 10_000_000;
export const ONE_LINE_MUTANTS = 1_000_000;
/** The large files are written here under a name no glob matches; security.test.ts renames them into place. */
export const PENDING = '.pending';

// The two large files of security.test.ts are written before VS Code starts, outside the
// extension host, so that writing them never blocks the host the test is watching.
function makeLargeCases(dir) {
  mkdirSync(join(dir, 'sec-da/src'), { recursive: true });
  writeFileSync(join(dir, 'sec-da/src/two.ts'), 'const a = 1;\nconst b = 2;');
  writeChunked(join(dir, `sec-da/coverage/lcov.info${PENDING}`), 'SF:src/two.ts\n', DA_LINES, (i) => `DA:${i + 1},0\n`, 'end_of_record\n');
  mkdirSync(join(dir, 'sec-million/src'), { recursive: true });
  writeFileSync(join(dir, 'sec-million/src/one.ts'), SOURCE);
  const head = `{"schemaVersion":"1.0","thresholds":{"high":80,"low":60},"files":{"src/one.ts":{"language":"typescript","source":${JSON.stringify(SOURCE)},"mutants":[`;
  const mutant = (i) => `${i === 0 ? '' : ','}{"id":"${i}","mutatorName":"M","status":"Survived","location":{"start":{"line":1,"column":11},"end":{"line":1,"column":17}}}`;
  writeChunked(join(dir, `sec-million/reports/mutation/mutation.json${PENDING}`), head, ONE_LINE_MUTANTS, mutant, ']}}}');
}

/** Writes `count` pieces in chunks (the 140 MB lcov file is never one string). */
function writeChunked(file, head, count, piece, tail) {
  mkdirSync(join(file, '..'), { recursive: true });
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  for (let from = 0; from < count; from += 100_000) {
    let chunk = '';
    for (let i = from; i < Math.min(count, from + 100_000); i++) chunk += piece(i);
    writeSync(fd, chunk);
  }
  writeSync(fd, tail);
  closeSync(fd);
}
