// Report load: loadReport (read, parse, validate, index) of the 100k-mutant report against a
// bare JSON.parse(readFileSync()) of the same file.
import { readFileSync } from 'node:fs';
import { compare } from '../measure.mjs';
import { loadOrThrow } from './env.mjs';

export async function loadRow({ core, data, reps }) {
  const { path, projectDir, bytes, mutants, files } = data.report;
  const result = await compare({
    reps,
    subject: () => loadOrThrow(core, path, projectDir),
    baseline: () => JSON.parse(readFileSync(path, 'utf8')),
  });
  const ratio = result.subjectCpu / result.baselineCpu;
  return {
    id: 'load',
    row: 'report load (100k mutants)',
    subject: `${ms(result.subjectCpu)} CPU (${ms(result.subject)} wall)`,
    baseline: `${ms(result.baselineCpu)} CPU (${ms(result.baseline)} wall), JSON.parse`,
    ratio,
    floor: '≤ 1.5× JSON.parse',
    ok: ratio <= 1.5,
    note: `${(bytes / 1024 / 1024).toFixed(1)} MB, ${mutants} mutants in ${files} files; loadReport = async read + JSON.parse + ajv schema check + O(n) duplicate check + key resolution (existsSync per file) + 0-based sorted model; ratio of CPU times (wall time on the shared machine includes waiting for other jobs); wall-time ratio, median of side-by-side pairs: ${result.pairedRatio.toFixed(2)}×`,
    values: result,
  };
}

export function ms(value) {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(3)} ms`;
}
