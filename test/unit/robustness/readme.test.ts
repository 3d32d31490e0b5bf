// The README's Reliability section states the figures of figures.ts, no more and no less.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_CASES, PROPERTY_RUNS, RACE_ITERATIONS } from './figures';

const ROOT = path.resolve(__dirname, '../../..');

/** The Reliability section of README.md (up to the next level-2 heading), or docs/reliability.md. */
function section(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.search(/^## Reliability$/m);
  if (start >= 0) {
    const rest = readme.slice(start + 1);
    const end = rest.search(/^## /m);
    return end < 0 ? rest : rest.slice(0, end);
  }
  const doc = path.join(ROOT, 'docs/reliability.md');
  return existsSync(doc) ? readFileSync(doc, 'utf8') : '';
}

const n = (value: number): string => value.toLocaleString('en-US');

describe('the Reliability section', () => {
  it('states the corpus size, the race iterations and the runs of every property', () => {
    const text = section();
    const rows = [...text.matchAll(/^\| (.+) \| ([\d,]+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect({
      corpus: text.includes(`**${n(CORPUS_CASES)} hostile report cases**`),
      race: text.includes(`**${n(RACE_ITERATIONS)} chunked rewrites**`),
      rows,
    }).toEqual({ corpus: true, race: true, rows: Object.entries(PROPERTY_RUNS).map(([name, runs]) => [name, n(runs)]) });
  });
});
