// The conformance tier: every file of the shared corpus (real reports and lcov files written by
// tools nobody here wrote) read through Mutant Lens's own loaders and compared with independent
// references. A difference fails its file unless known-differences.json lists it, with the reason;
// a listed difference that no longer occurs fails too. One line per file on stdout.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusCandidates, findCorpus, readCorpus, type CorpusEntry } from './corpus';
import { lcovDifferences, ourLcovFigures, referenceLcovFigures, totals } from './lcovFigures';
import { checkMutationReport } from './mutationConformance';
import known from './known-differences.json';

interface Known {
  readonly reason: string;
  readonly differences: readonly string[];
}

const KNOWN = known as Record<string, Known>;
const corpus = findCorpus();
const ratios: { file: string; ratio: number }[] = [];

function say(ok: boolean, entry: CorpusEntry, summary: string, differences: readonly string[]): void {
  const listed = KNOWN[entry.file]?.differences.length ?? 0;
  const tail = differences.length === 0 ? '' : ok ? ` (${listed} known ${listed === 1 ? 'difference' : 'differences'})` : `\n    ${differences.join('\n    ')}`;
  process.stdout.write(`conformance ${ok ? 'ok  ' : 'FAIL'} ${entry.file}: ${summary}${tail}\n`);
}

function expectKnown(entry: CorpusEntry, summary: string, differences: readonly string[]): void {
  const listed = KNOWN[entry.file]?.differences ?? [];
  say(JSON.stringify(differences) === JSON.stringify(listed), entry, summary, differences);
  expect(differences).toEqual(listed);
}

if (corpus === undefined) {
  process.stdout.write(`conformance: skipped, no corpus (looked in ${corpusCandidates().join(', ')}; set MUTANT_LENS_CORPUS)\n`);
  describe.skip('conformance over the shared corpus', () => {
    it('needs ../shared/corpus', () => undefined);
  });
} else {
  const entries = readCorpus(corpus);
  describe('conformance over the shared corpus', () => {
    it('lists known differences only for files of the corpus', () => {
      expect(Object.keys(KNOWN).filter((file) => !entries.some((entry) => entry.file === file))).toEqual([]);
    });

    for (const entry of entries) {
      it(entry.file, async () => {
        if (entry.kind === 'mutation') {
          const outcome = await checkMutationReport(corpus, entry);
          if (outcome.ratio !== undefined) ratios.push({ file: entry.file, ratio: outcome.ratio });
          expectKnown(entry, outcome.summary, outcome.differences);
        } else {
          const text = readFileSync(`${corpus}/${entry.file}`, 'utf8');
          const ours = ourLcovFigures(text);
          const reference = referenceLcovFigures(text);
          expectKnown(entry, totals(ours), lcovDifferences(ours, reference));
        }
      });
    }

    afterAll(() => {
      if (ratios.length === 0) return;
      const sorted = [...ratios].sort((a, b) => a.ratio - b.ratio);
      const worst = sorted[sorted.length - 1]!;
      const median = sorted[Math.floor(sorted.length / 2)]!.ratio;
      const within = sorted.filter((r) => r.ratio <= 2).length;
      process.stdout.write(
        `conformance load time: ${within} of ${sorted.length} accepted reports within 2× JSON.parse; median ${median.toFixed(2)}×, slowest ${worst.ratio.toFixed(2)}× (${worst.file}); not asserted\n`,
      );
    });
  });
}
