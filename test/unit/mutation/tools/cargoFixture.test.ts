import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../src/core/mutation/report/load';
import type { LoadedReport, ReportMutant } from '../../../../src/core/mutation/report/model';
import { textInRange } from '../../../../src/core/mutation/messages';
import { FIXTURES, folderEnvironment } from './fixtureEnv';

const CRATE = path.join(FIXTURES, 'cargo-mutants-crate');
const LIB = path.join(CRATE, 'src/lib.rs');
const OUTCOMES = path.join(CRATE, 'mutants.out/outcomes.json');
/** What cargo-mutants appends to the replacement in its diff files. */
const MARK = ' /* ~ changed by cargo-mutants ~ */';

async function load(outcomes: string, root: string): Promise<LoadedReport> {
  const result = await loadReport(classifyReport(outcomes), folderEnvironment(root));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** [status, genre, replacement, 0-based start line, start char, end line, end char (UTF-16)], as cargo-mutants 27.1.0 wrote them. */
const EXPECTED = [
  ['Killed', 'FnValue', '0', 4, 4, 8, 5],
  ['Killed', 'FnValue', '1', 4, 4, 8, 5],
  ['Killed', 'BinaryOperator', '<', 4, 16, 4, 18],
  ['Survived', 'FnValue', 'true', 13, 4, 13, 14],
  ['Killed', 'FnValue', 'false', 13, 4, 13, 14],
  ['Killed', 'BinaryOperator', '>', 13, 10, 13, 12],
  ['Killed', 'FnValue', 'String::new()', 18, 4, 18, 33],
  ['Killed', 'FnValue', '"xyzzy".into()', 18, 4, 18, 33],
  ['CompileError', 'FnValue', 'Default::default()', 25, 4, 25, 16],
] as const;

function row(m: ReportMutant): unknown[] {
  return [m.status, m.mutatorName, m.replacement, m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character];
}

/** The mutated lines as the diff's new side shows them: the file with the replacement spliced in at the range. */
function spliced(lines: readonly string[], m: ReportMutant): string {
  const first = lines[m.range.start.line] ?? '';
  const last = lines[m.range.end.line] ?? '';
  return first.slice(0, m.range.start.character) + (m.replacement ?? '') + MARK + last.slice(m.range.end.character);
}

describe('cargo-mutants results (the committed fixture, made by cargo-mutants 27.1.0)', () => {
  it('gives every mutant its exact status, genre, replacement and range', async () => {
    const report = await load(OUTCOMES, CRATE);
    expect(report.tool).toBe('cargo-mutants');
    expect([...report.files.keys()]).toEqual([LIB]);
    const file = report.files.get(LIB);
    expect([file?.key, file?.language, file?.source]).toEqual(['src/lib.rs', 'rust', readFileSync(LIB, 'utf8')]);
    expect(file?.mutants.map(row)).toEqual(EXPECTED);
    expect(file?.mutants.map((m) => m.id)).toEqual([
      'src/lib.rs:5:5: replace discount -> u32 with 0',
      'src/lib.rs:5:5: replace discount -> u32 with 1',
      'src/lib.rs:5:17: replace >= with < in discount',
      'src/lib.rs:14:5: replace is_free -> bool with true',
      'src/lib.rs:14:5: replace is_free -> bool with false',
      'src/lib.rs:14:11: replace <= with > in is_free',
      'src/lib.rs:19:5: replace label -> String with String::new()',
      'src/lib.rs:19:5: replace label -> String with "xyzzy".into()',
      'src/lib.rs:26:5: replace price_of -> Price with Default::default()',
    ]);
    expect(file?.mutants.map((m) => m.statusReason)).toEqual([...Array(8).fill(undefined), 'Unviable: the mutant does not build']);
    expect([report.unplacedMutants, report.ignoredKeys, report.droppedMutants, report.tests.size]).toEqual([[], [], 0, 0]);
  });

  it("matches cargo-mutants' own diff of each mutant: the replacement spliced at the range gives the diff's new line", async () => {
    const report = await load(OUTCOMES, CRATE);
    const file = report.files.get(LIB);
    const lines = (file?.source ?? '').split('\n');
    const outcomes = JSON.parse(readFileSync(OUTCOMES, 'utf8')) as { outcomes: Array<{ scenario: unknown; diff_path: string | null }> };
    const diffs = new Map(outcomes.outcomes.filter((o) => o.scenario !== 'Baseline').map((o) => [(o.scenario as { Mutant: { name: string } }).Mutant.name, o.diff_path ?? '']));
    for (const mutant of file?.mutants ?? []) {
      const diff = readFileSync(path.join(CRATE, 'mutants.out', diffs.get(mutant.id) ?? ''), 'utf8');
      const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
      const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).map((l) => l.slice(1));
      expect({ id: mutant.id, added }).toEqual({ id: mutant.id, added: [spliced(lines, mutant)] });
      expect(removed).toEqual(lines.slice(mutant.range.start.line, mutant.range.end.line + 1));
    }
  });

  it("agrees with cargo-mutants' own lists: missed.txt is the survivors, caught.txt the killed, unviable.txt the compile errors", async () => {
    const report = await load(OUTCOMES, CRATE);
    const mutants = report.files.get(LIB)?.mutants ?? [];
    const list = (name: string): string[] => readFileSync(path.join(CRATE, 'mutants.out', name), 'utf8').split('\n').filter((l) => l !== '').sort();
    const ids = (status: string): string[] => mutants.filter((m) => m.status === status).map((m) => m.id).sort();
    expect([ids('Survived'), ids('Killed'), ids('CompileError'), ids('Timeout')]).toEqual([list('missed.txt'), list('caught.txt'), list('unviable.txt'), list('timeout.txt')]);
  });

  it('quotes the original text of the multi-line survivor range exactly', async () => {
    const report = await load(OUTCOMES, CRATE);
    const file = report.files.get(LIB);
    const lines = (file?.source ?? '').split('\n');
    expect(file?.mutants.map((m) => textInRange(lines, m.range))[0]).toBe('if quantity >= 100 {\n        10\n    } else {\n        0\n    }');
    expect(textInRange(lines, file?.mutants[6]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).toBe('format!("🛒 {}", cents / 100)');
  });
});

describe('loading cargo-mutants results: bad input and files that changed', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  function copyCrate(): { root: string; outcomes: string; lib: string } {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-cargo-'));
    cpSync(CRATE, dir, { recursive: true });
    return { root: dir, outcomes: path.join(dir, 'mutants.out/outcomes.json'), lib: path.join(dir, 'src/lib.rs') };
  }

  it('calls a cut-off outcomes.json incomplete, and JSON of another shape a schema problem', async () => {
    const { root, outcomes } = copyCrate();
    const text = readFileSync(outcomes, 'utf8');
    writeFileSync(outcomes, text.slice(0, 500));
    expect(await loadReport(classifyReport(outcomes), folderEnvironment(root))).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the JSON ends early)' } });
    writeFileSync(outcomes, '');
    expect(await loadReport(classifyReport(outcomes), folderEnvironment(root))).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is empty' } });
    writeFileSync(outcomes, '{"outcomes": 3}');
    expect(await loadReport(classifyReport(outcomes), folderEnvironment(root))).toEqual({ ok: false, error: { kind: 'schema', message: 'is not a cargo-mutants outcomes.json (no "outcomes" list)' } });
    writeFileSync(outcomes, '{"outcomes": [}');
    const syntax = await loadReport(classifyReport(outcomes), folderEnvironment(root));
    expect(syntax.ok ? 'ok' : syntax.error.kind).toBe('syntax');
  });

  it('lists the mutants whose diff shows a line changed since the run as unplaced, and places the others', async () => {
    const { root, outcomes, lib } = copyCrate();
    const lines = readFileSync(lib, 'utf8').split('\n');
    lines[24] = 'pub fn price_of(cents: u32) -> Price { // edited';
    writeFileSync(lib, lines.join('\n'));
    const report = await load(outcomes, root);
    expect(report.files.get(lib)?.mutants.map((m) => m.id)).toEqual([
      'src/lib.rs:5:5: replace discount -> u32 with 0',
      'src/lib.rs:5:5: replace discount -> u32 with 1',
      'src/lib.rs:5:17: replace >= with < in discount',
      'src/lib.rs:14:5: replace is_free -> bool with true',
      'src/lib.rs:14:5: replace is_free -> bool with false',
      'src/lib.rs:14:11: replace <= with > in is_free',
    ]);
    // Their diffs show lines 11-27 and 18-34: line 25 is not what cargo-mutants saw.
    expect(report.unplacedMutants).toEqual([
      'src/lib.rs:19:5: replace label -> String with String::new() (line 25 changed since cargo-mutants ran)',
      'src/lib.rs:19:5: replace label -> String with "xyzzy".into() (line 25 changed since cargo-mutants ran)',
      'src/lib.rs:26:5: replace price_of -> Price with Default::default() (line 25 changed since cargo-mutants ran)',
    ]);
  });

  it('shows mutants of mutants.json without an outcome as Pending (a run still going), and reads no diff outside mutants.out', async () => {
    const { root, outcomes, lib } = copyCrate();
    const data = JSON.parse(readFileSync(outcomes, 'utf8')) as { outcomes: Array<Record<string, unknown>> };
    data.outcomes = data.outcomes.slice(0, 4);
    const escaping = data.outcomes[3] as Record<string, unknown>;
    escaping.diff_path = '../src/lib.rs';
    writeFileSync(outcomes, JSON.stringify(data));
    const report = await load(outcomes, root);
    expect(report.files.get(lib)?.mutants.map((m) => [m.status, m.id])).toEqual([
      ['Killed', 'src/lib.rs:5:5: replace discount -> u32 with 0'],
      ['Killed', 'src/lib.rs:5:5: replace discount -> u32 with 1'],
      ['Killed', 'src/lib.rs:5:17: replace >= with < in discount'],
      ['Pending', 'src/lib.rs:14:5: replace is_free -> bool with true'],
      ['Pending', 'src/lib.rs:14:5: replace is_free -> bool with false'],
      ['Pending', 'src/lib.rs:14:11: replace <= with > in is_free'],
      ['Pending', 'src/lib.rs:19:5: replace label -> String with String::new()'],
      ['Pending', 'src/lib.rs:19:5: replace label -> String with "xyzzy".into()'],
      ['Pending', 'src/lib.rs:26:5: replace price_of -> Price with Default::default()'],
    ]);
    expect(report.unplacedMutants).toEqual([]);
  });

  it("checks against the diff/ files when mutants.json carries no diffs, and never reads one outside mutants.out", async () => {
    const { root, outcomes, lib } = copyCrate();
    const listFile = path.join(root, 'mutants.out/mutants.json');
    const list = JSON.parse(readFileSync(listFile, 'utf8')) as Array<Record<string, unknown>>;
    writeFileSync(listFile, JSON.stringify(list.map(({ diff: _diff, ...rest }) => rest)));
    const data = JSON.parse(readFileSync(outcomes, 'utf8')) as { outcomes: Array<Record<string, unknown>> };
    (data.outcomes[1] as Record<string, unknown>).diff_path = `../../${path.basename(root)}-outside.diff`;
    const outside = `${root}-outside.diff`;
    writeFileSync(outside, '@@ -1,1 +1,1 @@\n-nothing like it\n+x\n');
    try {
      writeFileSync(outcomes, JSON.stringify(data));
      writeFileSync(lib, readFileSync(lib, 'utf8').replace('/// Whether a price costs nothing.', '/// Changed.'));
      const report = await load(outcomes, root);
      // The first mutant's diff path leads outside: not read, so placed unchecked; the others' diff/ files show line 12.
      expect(report.files.get(lib)?.mutants.map((m) => m.id)).toEqual(['src/lib.rs:5:5: replace discount -> u32 with 0', 'src/lib.rs:26:5: replace price_of -> Price with Default::default()']);
      expect(report.unplacedMutants?.length).toBe(7);
      expect(report.unplacedMutants?.[0]).toBe('src/lib.rs:5:5: replace discount -> u32 with 1 (line 12 changed since cargo-mutants ran)');
    } finally {
      rmSync(outside);
    }
  });

  it('says an outcomes.json that is gone is missing, and reads without a mutants.json', async () => {
    const { root, outcomes } = copyCrate();
    rmSync(path.join(root, 'mutants.out/mutants.json'));
    expect((await load(outcomes, root)).files.get(path.join(root, 'src/lib.rs'))?.mutants.length).toBe(9);
    rmSync(outcomes);
    expect(await loadReport(classifyReport(outcomes), folderEnvironment(root))).toEqual({ ok: false, error: { kind: 'missing', message: 'no longer exists' } });
  });

  it('ignores mutants.out.old and a cut-off mutants.json', async () => {
    const { root, outcomes } = copyCrate();
    expect(classifyReport(path.join(root, 'mutants.out.old/outcomes.json')).tool).toBe('unknown');
    writeFileSync(path.join(root, 'mutants.out/mutants.json'), '[{"name": ');
    const report = await load(outcomes, root);
    expect(report.files.get(path.join(root, 'src/lib.rs'))?.mutants.length).toBe(9);
  });
});
