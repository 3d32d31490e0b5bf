import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classifyReport } from '../../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../../src/core/mutation/report/load';
import type { LoadedReport } from '../../../../../src/core/mutation/report/model';
import { applyMutant } from '../../../../../src/core/mutation/hover/mutation';
import { schemaStatusOf } from '../../../../../src/core/mutation/tools/mutmut/status';

/** test/fixtures/mutmut-project, made by the real mutmut 3.8.1 (test/fixtures/regenerate-mutmut.sh). */
const ROOT = path.resolve(__dirname, '../../../../fixtures/mutmut-project');

async function load(file: string): Promise<LoadedReport> {
  const candidate = classifyReport(path.join(ROOT, 'mutants', file + '.meta'));
  const result = await loadReport(candidate, { workspaceFolders: [ROOT], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: 1024 * 1024 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

type Row = [name: string, status: string, startLine: number, startColumn: number, endLine: number, endColumn: number, original: string, replacement: string];

function rows(report: LoadedReport): Row[] {
  return [...report.files.values()].flatMap((file) =>
    file.mutants.map((m): Row => {
      const line = file.source.split('\n')[m.range.start.line] ?? '';
      return [m.id, m.status, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character, line.slice(m.range.start.character, m.range.end.character), m.replacement ?? '?'];
    }),
  );
}

/** What `mutmut show <name>` printed for each mutant: its status and the changed lines. */
function shownByMutmut(): Map<string, { status: string; removed: string[]; added: string[] }> {
  const shown = new Map<string, { status: string; removed: string[]; added: string[] }>();
  let current: { status: string; removed: string[]; added: string[] } | undefined;
  for (const line of readFileSync(path.join(ROOT, 'mutmut-show.txt'), 'utf8').split('\n')) {
    const head = /^# (\S+): (.+)$/.exec(line);
    if (head !== null) shown.set(head[1] ?? '', (current = { status: head[2] ?? '', removed: [], added: [] }));
    else if (line.startsWith('-') && !line.startsWith('---')) current?.removed.push(line.slice(1).trim());
    else if (line.startsWith('+') && !line.startsWith('+++')) current?.added.push(line.slice(1).trim());
  }
  return shown;
}

describe('the mutmut 3.8.1 fixture', () => {
  it('reads every mutant of pricing.py with its status, exact range and replacement', async () => {
    const report = await load('src/shop/pricing.py');
    expect(report.tool).toBe('mutmut');
    expect(report.packageDir).toBe(ROOT);
    expect([...report.files.keys()]).toEqual([path.join(ROOT, 'src/shop/pricing.py')]);
    expect(report.unplaced).toEqual([]);
    expect(rows(report)).toEqual<Row[]>([
      ['shop.pricing.x_discounted__mutmut_1', 'Survived', 4, 15, 4, 16, '>', '>='],
      ['shop.pricing.x_discounted__mutmut_2', 'Survived', 4, 17, 4, 19, '50', '51'],
      ['shop.pricing.x_discounted__mutmut_3', 'Survived', 5, 18, 5, 20, '50', 'None'],
      ['shop.pricing.x_discounted__mutmut_4', 'Survived', 5, 18, 5, 20, '50', '51'],
      ['shop.pricing.x_discounted__mutmut_5', 'Killed', 6, 17, 6, 18, '-', '+'],
      ['shop.pricing.x_discounted__mutmut_7', 'Survived', 6, 25, 6, 26, '*', '/'],
      ['shop.pricing.x_discounted__mutmut_6', 'Survived', 6, 35, 6, 36, '/', '*'],
      ['shop.pricing.x_discounted__mutmut_8', 'Survived', 6, 37, 6, 40, '100', '101'],
      ['shop.pricing.x_label__mutmut_2', 'Killed', 10, 12, 10, 13, '€', 'XX€XX'],
      ['shop.pricing.x_label__mutmut_1', 'Killed', 10, 15, 10, 16, '+', '-'],
      ['shop.pricing.x_label__mutmut_3', 'Killed', 10, 21, 10, 36, 'round(price, 2)', 'None'],
      ['shop.pricing.x_label__mutmut_4', 'Killed', 10, 27, 10, 32, 'price', 'None'],
      ['shop.pricing.x_label__mutmut_6', 'Killed', 10, 27, 10, 34, 'price, ', ''],
      ['shop.pricing.x_label__mutmut_5', 'Killed', 10, 34, 10, 35, '2', 'None'],
      ['shop.pricing.x_label__mutmut_7', 'Killed', 10, 34, 10, 35, '2', ''],
      ['shop.pricing.x_label__mutmut_8', 'Killed', 10, 34, 10, 35, '2', '3'],
    ]);
  });

  it('reads the functions and the methods of text.py', async () => {
    expect(rows(await load('src/shop/text.py'))).toEqual<Row[]>([
      ['shop.text.x_shout__mutmut_2', 'Killed', 4, 16, 4, 21, 'upper', 'lower'],
      ['shop.text.x_shout__mutmut_1', 'Killed', 4, 24, 4, 25, '+', '-'],
      ['shop.text.x_shout__mutmut_3', 'Killed', 4, 27, 4, 28, '!', 'XX!XX'],
      ['shop.text.xǁGreeterǁ__init____mutmut_1', 'Killed', 9, 24, 9, 32, 'greeting', 'None'],
      ['shop.text.xǁGreeterǁgreet__mutmut_2', 'Killed', 12, 29, 12, 30, '+', '-'],
      ['shop.text.xǁGreeterǁgreet__mutmut_3', 'Killed', 12, 32, 12, 34, ', ', 'XX, XX'],
      ['shop.text.xǁGreeterǁgreet__mutmut_1', 'Killed', 12, 36, 12, 37, '+', '-'],
    ]);
  });

  it('reads __init__.py, which has no mutants, as a file without mutants', async () => {
    const report = await load('src/shop/__init__.py');
    expect([...report.files.values()].map((f) => [f.path, f.mutants.length])).toEqual([[path.join(ROOT, 'src/shop/__init__.py'), 0]]);
  });

  it('agrees with what `mutmut results` and `mutmut show` print for every mutant', async () => {
    const shown = shownByMutmut();
    const results = readFileSync(path.join(ROOT, 'mutmut-results.txt'), 'utf8').trim().split('\n').map((line) => line.trim().split(': '));
    const reports = await Promise.all(['src/shop/pricing.py', 'src/shop/text.py'].map(load));
    const mutants = reports.flatMap((r) => [...r.files.values()].flatMap((file) => file.mutants.map((mutant) => ({ file, mutant }))));
    expect(mutants.map((m) => m.mutant.id).sort()).toEqual(results.map(([name]) => name).sort());
    expect(results.length).toBe(23);
    for (const [name, status] of results) {
      const found = mutants.find((m) => m.mutant.id === name);
      const printed = shown.get(name ?? '');
      if (found === undefined || printed === undefined || status === undefined) throw new Error(`${name ?? ''} is missing`);
      const { file, mutant } = found;
      expect(printed.status).toBe(status);
      expect(mutant.status).toBe(schemaStatusOf(status));
      expect(mutant.statusReason).toBe(`mutmut: ${status} (exit code ${status === 'killed' ? 1 : 0})`);
      const lines = file.source.split('\n');
      const mutated = applyMutant(file.source, mutant.range, mutant.replacement ?? '').split('\n');
      const changed = (all: string[]): string[] => all.slice(mutant.range.start.line, mutant.range.end.line + 1).map((l) => l.trim());
      expect(changed(lines)).toEqual(printed.removed);
      expect(changed(mutated)).toEqual(printed.added);
    }
  });
});
