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
  const ratio = result.subject / result.baseline;
  return {
    id: 'load',
    row: 'report load (100k mutants)',
    subject: ms(result.subject),
    baseline: `${ms(result.baseline)} (JSON.parse)`,
    ratio,
    floor: '≤ 1.5× JSON.parse',
    ok: ratio <= 1.5,
    note: `${(bytes / 1024 / 1024).toFixed(1)} MB, ${mutants} mutants in ${files} files; loadReport = async read + JSON.parse + ajv schema check + O(n) duplicate check + key resolution (existsSync per file) + 0-based sorted model; CPU-time ratio ${(result.subjectCpu / result.baselineCpu).toFixed(2)}×`,
    values: result,
  };
}

export function ms(value) {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(3)} ms`;
}
