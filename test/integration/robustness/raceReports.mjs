// The writer race's source file and its reports: iteration i marks one or two of the 20
// comparisons Survived and the rest Killed, and names itself in each replacement, so that every
// report shows markers and no two reports' markers are alike.
export const RACE_LINES = 20;
/** Rewrites of the report in the race (the workspace starts with report number RACE_ITERATIONS). */
export const RACE_ITERATIONS = 100;
export const RACE_SOURCE = Array.from({ length: RACE_LINES }, (_, i) => `export const v${String(i).padStart(2, '0')} = (a: number): boolean => a >= ${i};\n`).join('');

/** Survived lines (0-based) of iteration i. */
export function survivorsOf(i) {
  return [...new Set([i % RACE_LINES, (i * 7 + 3) % RACE_LINES])].sort((a, b) => a - b);
}

export function raceReport(i) {
  const survivors = new Set(survivorsOf(i));
  const mutants = Array.from({ length: RACE_LINES }, (_, line) => ({
    id: `${i}-${line}`,
    mutatorName: 'EqualityOperator',
    replacement: `a > ${line} /*${i}*/`,
    status: survivors.has(line) ? 'Survived' : 'Killed',
    location: { start: { line: line + 1, column: 44 }, end: { line: line + 1, column: 49 + String(line).length } },
    coveredBy: [`t${i}`],
  }));
  return JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'src/race.ts': { language: 'typescript', source: RACE_SOURCE, mutants } }, config: { iteration: i } });
}

/** The diagnostic rows (diagnosticRows() in test/integration/helpers.ts) of iteration i. */
export function raceRows(i) {
  return survivorsOf(i).map((line) => [line, 43, line, 48 + String(line).length, 'Warning', 'EqualityOperator', `Survived: EqualityOperator "a >= ${line}" → "a > ${line} /*${i}*/"`]);
}
