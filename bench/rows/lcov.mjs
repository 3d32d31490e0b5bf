// lcov parse: src/core/coverage's parseLcov against lcov-parse (what Coverage Gutters uses) on
// the same 50 MB text, read once beforehand; both parse from a string.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compare } from '../measure.mjs';
import { ms } from './load.mjs';

const lcovParse = createRequire(import.meta.url)('lcov-parse');

function parseWithLcovParse(text) {
  let files;
  lcovParse.source(text, (error, data) => {
    if (error) throw new Error(`lcov-parse: ${error}`);
    files = data;
  });
  return files;
}

export async function lcovRow({ core, data, reps }) {
  const text = readFileSync(data.lcov.path, 'utf8');
  const ours = core.parseLcov(text);
  if (!ours.ok) throw new Error(`parseLcov failed on the generated file: ${ours.error.message}`);
  const theirs = parseWithLcovParse(text);
  if (theirs.length !== ours.value.files.length) throw new Error(`file counts differ: parseLcov ${ours.value.files.length}, lcov-parse ${theirs.length}`);
  const result = await compare({
    reps,
    subject: () => core.parseLcov(text),
    baseline: () => parseWithLcovParse(text),
  });
  const ratio = result.subjectCpu / result.baselineCpu;
  const why =
    ratio <= 0.2
      ? ''
      : `; short: parseLcov itself needs ${ms(result.subjectCpu)} of CPU for ${(data.lcov.bytes / 1048576).toFixed(0)} MB (a character scan in JS, then per-file arrays; its own profile is about half scanning, a third GC), and 5× needs under ${ms(result.baselineCpu / 5)} here; not changed by the bench: src/core/coverage is the coverage work's, rewritten while this ran`;
  return {
    id: 'lcov',
    row: 'lcov parse, 50 MB',
    subject: `${ms(result.subjectCpu)} CPU (${ms(result.subject)} wall)`,
    baseline: `${ms(result.baselineCpu)} CPU (${ms(result.baseline)} wall), lcov-parse`,
    ratio,
    floor: '≥ 5× faster (≤ 0.20×)',
    ok: ratio <= 0.2,
    note: `${(data.lcov.bytes / 1024 / 1024).toFixed(1)} MB, ${ours.value.files.length} files; ${(1 / ratio).toFixed(1)}× faster than lcov-parse in CPU time (judged on it), ${(1 / result.pairedRatio).toFixed(1)}× in wall time (median of side-by-side pairs)${why}`,
    values: result,
  };
}
