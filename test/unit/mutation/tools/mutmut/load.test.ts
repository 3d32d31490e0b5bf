import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { classifyReport } from '../../../../../src/core/mutation/report/discovery';
import { loadReport, type LoadEnvironment } from '../../../../../src/core/mutation/report/load';
import type { LoadedReport } from '../../../../../src/core/mutation/report/model';

const FIXTURE = path.resolve(__dirname, '../../../../fixtures/mutmut-project');
const PRICING = 'src/shop/pricing.py';

function copyOfFixture(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ml-mutmut-'));
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

function env(root: string, overrides: Partial<LoadEnvironment> = {}): LoadEnvironment {
  return { workspaceFolders: [root], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: 1024 * 1024, ...overrides };
}

async function load(root: string, file = PRICING, overrides: Partial<LoadEnvironment> = {}) {
  return loadReport(classifyReport(path.join(root, 'mutants', `${file}.meta`)), env(root, overrides));
}

function placed(report: LoadedReport): string[] {
  return [...report.files.values()].flatMap((f) => f.mutants.map((m) => `${m.id} ${m.range.start.line}:${m.range.start.character}-${m.range.end.line}:${m.range.end.character} ${m.replacement ?? ''}`));
}

async function loaded(root: string, file = PRICING): Promise<LoadedReport> {
  const result = await load(root, file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('loading mutmut results', () => {
  it('gives the same places without the .spans index (older mutmut 3) as with it', async () => {
    const root = copyOfFixture();
    const withIndex = placed(await loaded(root));
    rmSync(path.join(root, 'mutants', `${PRICING}.spans`));
    expect(placed(await loaded(root))).toEqual(withIndex);
    expect(withIndex.length).toBe(16);
  });

  it('places mutants in a CRLF file at the same lines and columns', async () => {
    const root = copyOfFixture();
    const before = placed(await loaded(root));
    const file = path.join(root, PRICING);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const report = await loaded(root);
    expect(placed(report)).toEqual(before);
    expect([...report.files.values()][0]?.source).toBe(readFileSync(file, 'utf8'));
  });

  it('lists the mutants of a function changed since the run as unplaced, and places the others', async () => {
    const root = copyOfFixture();
    const file = path.join(root, PRICING);
    writeFileSync(file, readFileSync(file, 'utf8').replace('percent = 50', 'percent = 40'));
    const report = await loaded(root);
    expect(placed(report).map((line) => line.split(' ')[0])).toEqual([
      'shop.pricing.x_label__mutmut_2', 'shop.pricing.x_label__mutmut_1', 'shop.pricing.x_label__mutmut_3', 'shop.pricing.x_label__mutmut_4',
      'shop.pricing.x_label__mutmut_6', 'shop.pricing.x_label__mutmut_5', 'shop.pricing.x_label__mutmut_7', 'shop.pricing.x_label__mutmut_8',
    ]);
    const reason = 'the function discounted in the original file differs from what mutmut mutated (changed since the run?)';
    expect(report.unplaced).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ id: `shop.pricing.x_discounted__mutmut_${n}`, reason })));
  });

  it('lists a mutant whose variant is missing from the mutated file as unplaced', async () => {
    const root = copyOfFixture();
    const mutated = path.join(root, 'mutants', PRICING);
    writeFileSync(mutated, readFileSync(mutated, 'utf8').replace('def x_label__mutmut_8(', 'def x_label__mutmut_9('));
    rmSync(`${mutated}.spans`);
    const report = await loaded(root);
    expect(report.unplaced).toEqual([{ id: 'shop.pricing.x_label__mutmut_8', reason: 'its function x_label__mutmut_8 is not in the mutated file' }]);
    expect(placed(report).length).toBe(15);
  });

  it('keeps the last good data of a half-written .meta: it is incomplete, and read again', async () => {
    const root = copyOfFixture();
    const meta = path.join(root, 'mutants', `${PRICING}.meta`);
    writeFileSync(meta, readFileSync(meta, 'utf8').slice(0, 200));
    expect(await load(root)).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the JSON ends early)' } });
    writeFileSync(meta, '{"exit_code_by_key": 3}');
    expect(await load(root)).toEqual({ ok: false, error: { kind: 'schema', message: 'is not a mutmut .meta file: no "exit_code_by_key" object' } });
  });

  it('says when the original file is gone, outside the workspace, or a file is too large', async () => {
    const root = copyOfFixture();
    rmSync(path.join(root, PRICING));
    expect((await loaded(root)).ignoredKeys).toEqual([{ key: PRICING, reason: 'does not exist (the mutated file has no original)' }]);
    const outside = mkdtempSync(path.join(tmpdir(), 'ml-outside-'));
    writeFileSync(path.join(outside, 'pricing.py'), readFileSync(path.join(FIXTURE, PRICING)));
    symlinkSync(path.join(outside, 'pricing.py'), path.join(root, PRICING));
    expect((await loaded(root)).ignoredKeys).toEqual([{ key: PRICING, reason: 'lies outside the workspace and is not read' }]);
    expect(await load(root, 'src/shop/text.py', { maxBytes: 100 })).toEqual({ ok: false, error: { kind: 'too-large', message: 'is 0.00 MB, more than the 0.00 MB limit (setting mutantLens.maxReportSizeMB)' } });
  });

  it('reads an original inside any one of several workspace folders, some of them missing', async () => {
    const root = copyOfFixture();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'ml-other-'));
    const report = await load(root, PRICING, { workspaceFolders: [path.join(elsewhere, 'missing'), elsewhere, root] });
    expect(report.ok ? placed(report.value) : report.error).toEqual(placed(await loaded(root)));
    for (const dir of [root, elsewhere]) rmSync(dir, { recursive: true, force: true });
  });

  it('does not take a sibling folder whose name starts with the workspace folder name as inside it', async () => {
    const root = copyOfFixture();
    const sibling = `${root}-sibling`;
    mkdirSync(sibling);
    writeFileSync(path.join(sibling, 'pricing.py'), readFileSync(path.join(FIXTURE, PRICING)));
    rmSync(path.join(root, PRICING));
    symlinkSync(path.join(sibling, 'pricing.py'), path.join(root, PRICING));
    expect((await loaded(root)).ignoredKeys).toEqual([{ key: PRICING, reason: 'lies outside the workspace and is not read' }]);
    for (const dir of [root, sibling]) rmSync(dir, { recursive: true, force: true });
  });

  it('takes an original whose real path cannot be found as outside the workspace', async () => {
    const root = copyOfFixture();
    rmSync(path.join(root, PRICING));
    const report = await load(root, PRICING, { exists: (file) => file === path.join(root, PRICING) || existsSync(file) });
    expect(report.ok ? report.value.ignoredKeys : report.error).toEqual([{ key: PRICING, reason: 'lies outside the workspace and is not read' }]);
    rmSync(root, { recursive: true, force: true });
  });

  it('reads files of exactly the bound', async () => {
    const root = copyOfFixture();
    const files = [path.join(root, 'mutants', `${PRICING}.meta`), path.join(root, PRICING), path.join(root, 'mutants', PRICING)];
    const largest = Math.max(...files.map((file) => readFileSync(file).length));
    const bounded = await load(root, PRICING, { maxBytes: largest });
    expect(bounded.ok ? placed(bounded.value) : bounded.error).toEqual(placed(await loaded(root)));
    rmSync(root, { recursive: true, force: true });
  });

  it('says sizes of a megabyte or more in whole megabytes', async () => {
    const root = copyOfFixture();
    writeFileSync(path.join(root, 'mutants', `${PRICING}.meta`), ' '.repeat(3 * 1024 * 1024));
    expect(await load(root, PRICING, { maxBytes: 1024 * 1024 })).toEqual({ ok: false, error: { kind: 'too-large', message: 'is 3 MB, more than the 1 MB limit (setting mutantLens.maxReportSizeMB)' } });
    rmSync(root, { recursive: true, force: true });
  });

  it('says why a mutated file or an original that is there cannot be read', async () => {
    const root = copyOfFixture();
    rmSync(path.join(root, 'mutants', PRICING));
    mkdirSync(path.join(root, 'mutants', PRICING));
    expect(await load(root)).toEqual({ ok: false, error: { kind: 'unreadable', message: 'has no readable mutated file pricing.py (cannot be read (EISDIR))' } });
    const other = copyOfFixture();
    rmSync(path.join(other, PRICING));
    mkdirSync(path.join(other, PRICING));
    expect((await loaded(other)).ignoredKeys).toEqual([{ key: PRICING, reason: 'cannot be read (cannot be read (EISDIR))' }]);
    for (const dir of [root, other]) rmSync(dir, { recursive: true, force: true });
  });

  it('waits for a mutated file that is not there yet', async () => {
    const root = copyOfFixture();
    rmSync(path.join(root, 'mutants', PRICING));
    expect(await load(root)).toEqual({ ok: false, error: { kind: 'incomplete', message: 'has no readable mutated file pricing.py (no longer exists)' } });
  });
});
