// lcov parse: src/core/coverage's parseLcov against lcov-parse (what Coverage Gutters uses) on
// the same 50 MB text, read once beforehand; both parse from a string.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../build.mjs';
import { ms } from './load.mjs';

/** Both parsers timed in a fresh child process (rows/lcovChild.mjs), away from the other rows' heap. */
function measureInChild(coreFile, lcovPath, reps) {
  const child = spawnSync(process.execPath, [join(repoRoot, 'bench', 'rows', 'lcovChild.mjs'), coreFile, lcovPath, String(reps)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`lcov child exited ${child.status}: ${child.stderr.slice(-2000)}`);
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (line === undefined) throw new Error(`lcov child printed no result: ${child.stdout.slice(-500)}`);
  return JSON.parse(line.slice('RESULT '.length));
}

export async function lcovRow({ build, data, reps }) {
  const { files, lines, plainLines, result } = measureInChild(build.file, data.lcov.path, reps);
  const ratio = result.subjectCpu / result.baselineCpu;
  const why =
    ratio <= 0.2
      ? ''
      : `; short: parseLcov needs ${ms(result.subjectCpu)} of CPU for ${(data.lcov.bytes / 1048576).toFixed(0)} MB (a character scan in JS, then per-file arrays), and 5× needs under ${ms(result.baselineCpu / 5)} here`;
  return {
    id: 'lcov',
    row: 'lcov parse, 50 MB',
    subject: `${ms(result.subjectCpu)} CPU (${ms(result.subject)} wall)`,
    baseline: `${ms(result.baselineCpu)} CPU (${ms(result.baseline)} wall), lcov-parse`,
    ratio,
    floor: '≥ 5× faster (≤ 0.20×)',
    ok: ratio <= 0.2,
    note: `${(data.lcov.bytes / 1024 / 1024).toFixed(1)} MB, ${files} files, ${lines} lines (${((100 * plainLines) / lines).toFixed(1)}% plain DA/BRDA lines, read by the fast paths), both parsers timed in a fresh child process; ${(1 / ratio).toFixed(1)}× faster than lcov-parse in CPU time (judged on it), ${(1 / result.pairedRatio).toFixed(1)}× in wall time (median of side-by-side pairs)${why}`,
    values: result,
  };
}
