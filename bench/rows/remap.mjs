// The stale remap: placeMutants on a 5,000-line file after a 10-line edit (4 lines inserted,
// 3 changed, 3 deleted, in three places), with 2,500 mutants. The baseline, for scale, splits
// both texts into lines (what any line-based remap has to read).
import { compare } from '../measure.mjs';
import { ms } from './load.mjs';

const LINES = 5_000;
const MUTANTS = 2_500;

export function remapInput(core, seed) {
  const random = core.seededRandom(seed);
  const int = (n) => Math.floor(random() * n);
  const { text, sites } = core.generateSource(int, LINES, 0);
  const lines = text.split('\n').slice(0, LINES);
  const source = lines.join('\n');
  const step = sites.length / MUTANTS;
  const mutants = [];
  for (let i = 0; i < MUTANTS; i++) {
    const site = sites[Math.floor(i * step)];
    if (site.end.line > LINES) break;
    const range = { start: { line: site.start.line - 1, character: site.start.column - 1 }, end: { line: site.end.line - 1, character: site.end.column - 1 } };
    mutants.push({ id: String(i), mutatorName: site.mutatorName, replacement: site.replacement, description: undefined, status: 'Survived', statusReason: undefined, range, coveredBy: [], killedBy: [], isStatic: false });
  }
  const edited = [...lines];
  edited.splice(3_900, 3);
  for (const line of [2_500, 2_502, 2_504]) edited[line] = `${edited[line]} // edited`;
  edited.splice(1_200, 0, '  const inserted = 1;', '  const another = inserted + 1;', '  logger.debug(another);', '');
  return { source, current: edited.join('\n'), mutants };
}

export async function remapRow({ core, reps }) {
  const { source, current, mutants } = remapInput(core, 11);
  const placement = core.placeMutants(source, current, mutants);
  const stale = placement.placed.filter((placed) => placed.stale).length;
  const result = await compare({
    reps,
    warmup: 30,
    gcEach: false,
    subject: () => core.placeMutants(source, current, mutants),
    baseline: () => [core.splitLines(source), core.splitLines(current)],
  });
  return {
    id: 'remap',
    row: 'stale remap, 5,000 lines, 10-line edit',
    subject: `${ms(result.subjectCpu)} CPU (${ms(result.subject)} wall)`,
    baseline: `${ms(result.baseline)} (split both texts)`,
    ratio: result.subject / result.baseline,
    floor: '< 10 ms',
    ok: result.subjectCpu < 10,
    note: `placeMutants with ${mutants.length} mutants (${stale} end up stale); prefix/suffix match then Myers diff of the middle; after 30 warm-up runs; fastest wall time ${ms(Math.min(...result.subjectMs))}; judged on CPU time; the baseline is for scale only`,
    values: result,
  };
}
