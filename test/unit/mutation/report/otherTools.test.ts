import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chooseReports } from '../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../src/core/mutation/report/load';
import { fillMissingLanguages } from '../../../../src/core/mutation/report/parse';
// @ts-expect-error: a plain .mjs helper of the fixtures
import { materialize } from '../../../fixtures/reports/materialize.mjs';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

async function loadFixture(name: string) {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), `ml-${name}-`)));
  await (materialize as (n: string, d: string) => Promise<string>)(name, root);
  const files = walk(root);
  const reports = chooseReports(files.filter((f) => /report\.json$|mutation\.(json|html)$|mutation-report\.json$/.test(f)));
  const env = {
    workspaceFolders: [root],
    exists: existsSync,
    maxBytes: 1 << 26,
    findFilesNamed: async (names: readonly string[]) => new Map(names.map((n) => [n, files.filter((f) => path.basename(f) === n)])),
  };
  const loaded = await Promise.all(reports.map(async (candidate) => ({ candidate, result: await loadReport(candidate, env) })));
  return { root, loaded };
}

function summary(result: Awaited<ReturnType<typeof loadReport>>, root: string) {
  if (!result.ok) return result.error;
  return {
    files: [...result.value.files.values()].map((f) => [path.relative(root, f.path), f.language, f.mutants.filter((m) => m.status === 'Survived').length, f.mutants.length]),
    ignored: result.value.ignoredKeys,
  };
}

describe('reports in the shapes other tools write', () => {
  it('Stryker.NET: the newest StrykerOutput folder wins, absolute keys resolve', async () => {
    const { root, loaded } = await loadFixture('stryker-net');
    expect(loaded.map((l) => path.relative(root, l.candidate.path))).toEqual(['StrykerOutput/2024-05-02.09-30-00/reports/mutation-report.json']);
    expect(loaded[0]?.candidate.tool).toBe('stryker-net');
    expect(summary(loaded[0]!.result, root)).toEqual({ files: [['src/Shop/Cart.cs', 'cs', 2, 8]], ignored: [] });
  });

  it('Stryker4s: the newest report wins; keys resolve against the folder holding target/', async () => {
    const { root, loaded } = await loadFixture('stryker4s');
    expect(loaded.map((l) => path.relative(root, l.candidate.path))).toEqual(['target/stryker4s-report/1714644000000/report.json']);
    expect(summary(loaded[0]!.result, root)).toEqual({ files: [['src/main/scala/example/Cart.scala', 'scala', 3, 8]], ignored: [] });
  });

  it('pitest: package-style keys by suffix, the missing language taken from the extension', async () => {
    const { root, loaded } = await loadFixture('pitest');
    expect(summary(loaded[0]!.result, root)).toEqual({
      files: [
        ['src/main/java/com/example/Cart.java', 'java', 2, 13],
        ['src/main/java/Main.java', 'java', 1, 2],
      ],
      ignored: [],
    });
  });

  it('StrykerJS html-only: the embedded report', async () => {
    const { root, loaded } = await loadFixture('html-only');
    expect(loaded.map((l) => [path.relative(root, l.candidate.path), l.candidate.format])).toEqual([['reports/mutation/mutation.html', 'html']]);
    expect(summary(loaded[0]!.result, root)).toEqual({
      files: [
        ['src/format.ts', 'typescript', 11, 40],
        ['src/validate.ts', 'typescript', 7, 61],
        ['src/cart.ts', 'typescript', 14, 38],
        ['src/shipping.ts', 'typescript', 0, 6],
      ],
      ignored: [],
    });
  });

  it('Windows: backslash keys and CRLF sources', async () => {
    const { root, loaded } = await loadFixture('windows');
    const result = summary(loaded[0]!.result, root) as { files: unknown[][]; ignored: unknown[] };
    expect(result.files.map((f) => f[0]).sort()).toEqual(['src/cart.ts', 'src/format.ts', 'src/shipping.ts', 'src/validate.ts']);
    expect(result.ignored).toEqual([]);
  });
});

describe('fillMissingLanguages', () => {
  it('names a missing language after the extension and leaves the rest alone', () => {
    const data = { files: { 'a/B.java': { source: '' }, 'c.kt': {}, 'd.weird': {}, 'e.ts': { language: 'x' }, f: null, g: [] } };
    fillMissingLanguages(data);
    expect(data.files).toEqual({ 'a/B.java': { source: '', language: 'java' }, 'c.kt': { language: 'kotlin' }, 'd.weird': { language: 'unknown' }, 'e.ts': { language: 'x' }, f: null, g: [] });
    expect(() => fillMissingLanguages(null)).not.toThrow();
    expect(() => fillMissingLanguages({ files: 3 })).not.toThrow();
  });
});
