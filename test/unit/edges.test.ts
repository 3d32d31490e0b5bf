import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { classifyReport } from '../../src/core/mutation/report/discovery';
import { extractEmbeddedReport } from '../../src/core/mutation/report/htmlEmbedded';
import { loadReport } from '../../src/core/mutation/report/load';
import { fillMissingLanguages } from '../../src/core/mutation/report/parse';
import { compileGlob, matchGlob } from '../../src/core/shared/glob';
import { quote } from '../../src/core/mutation/messages';
import { sourceLines } from '../../src/core/mutation/sourceLines';
import type { ReportSourceFile } from '../../src/core/mutation/report/model';

describe('report paths that only look like reports', () => {
  it('are not taken for a tool report when something follows the name', () => {
    for (const file of [
      '/ws/a/reports/mutation/mutation.json.bak',
      '/ws/a/reports/mutation/mutation.html.orig',
      '/ws/a/reports/stryker-incremental.json.old',
      '/ws/n/StrykerOutput/2024/reports/mutation-report.json.tmp',
      '/ws/s/target/stryker4s-report/1/report.json~',
    ]) {
      expect(classifyReport(file).tool, file).toBe('unknown');
    }
  });

  it('names the tool of each report exactly', () => {
    expect(classifyReport('/ws/n/StrykerOutput/2024/reports/mutation-report.json').tool).toBe('stryker-net');
    expect(classifyReport('/ws/s/target/stryker4s-report/1/report.json').tool).toBe('stryker4s');
    expect(classifyReport('/reports/mutation/mutation.json').packageDir).toBe('/');
  });
});

describe('fillMissingLanguages', () => {
  it('knows the usual extensions', () => {
    const names = ['a.java', 'a.kt', 'a.scala', 'a.cs', 'a.ts', 'a.tsx', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.JAVA', 'noextension', 'a.ts.txt'];
    const data = { files: Object.fromEntries(names.map((n) => [n, {}])) as Record<string, { language?: string }> };
    fillMissingLanguages(data);
    expect(names.map((n) => data.files[n]?.language)).toEqual(['java', 'kotlin', 'scala', 'csharp', 'typescript', 'typescript', 'javascript', 'javascript', 'javascript', 'javascript', 'java', 'unknown', 'unknown']);
  });
});

describe('extractEmbeddedReport edges', () => {
  it('reads an assignment at the very start and ignores trailing spaces', () => {
    expect(extractEmbeddedReport('app.report = {"a":1};   \n')).toEqual({ ok: true, value: '{"a":1}' });
  });
});

/** The glob matcher as a `test(path)` (it compiles to an automaton, not a RegExp). */
function globToRegExp(glob: string): { test: (path: string) => boolean } {
  const compiled = compileGlob(glob);
  return { test: (path) => 'glob' in compiled && matchGlob(compiled.glob, path).matched };
}

describe('glob braces outside a choice', () => {
  it('are literal', () => {
    expect(globToRegExp('a}b').test('a}b')).toBe(true);
    expect(globToRegExp('a,b').test('a,b')).toBe(true);
    expect(globToRegExp('a,b').test('a|b')).toBe(false);
    expect(globToRegExp('x[ab]').test('xb')).toBe(true);
    expect(globToRegExp('[a\\b]').test('\\')).toBe(true);
    expect(globToRegExp('[x!]').test('!')).toBe(true);
  });
});

describe('quote at surrogate boundaries', () => {
  it('drops exactly the high surrogates U+D800 to U+DBFF left at a cut', () => {
    expect(quote(`abcd\ud800xyz`, 6)).toBe('"abcd…"');
    expect(quote(`abcd\udbffxyz`, 6)).toBe('"abcd…"');
    expect(quote(`abcd\udc00xyz`, 6)).toBe('"abcd\udc00…"');
    expect(quote(`abcd\ud7ffxyz`, 6)).toBe('"abcd\ud7ff…"');
  });
});

describe('sourceLines', () => {
  it('splits a report file source once and keeps it', () => {
    const file = { source: 'a\r\nb\nc' } as ReportSourceFile;
    const lines = sourceLines(file);
    expect(lines).toEqual(['a', 'b', 'c']);
    expect(sourceLines(file)).toBe(lines);
  });
});

describe('the report size limit', () => {
  it('accepts a report of exactly the limit and states sizes in whole megabytes above one', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ml-size-'));
    const report = path.join(root, 'reports/mutation/mutation.json');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(report), { recursive: true });
    const text = JSON.stringify({ schemaVersion: '1', thresholds: { high: 80, low: 60 }, files: {} });
    writeFileSync(report, text);
    const env = { workspaceFolders: [root], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: text.length };
    expect((await loadReport(classifyReport(report), env)).ok).toBe(true);
    writeFileSync(report, ' '.repeat(1.5 * 1024 * 1024) + text);
    expect(await loadReport(classifyReport(report), { ...env, maxBytes: 1024 * 1024 })).toEqual({
      ok: false,
      error: { kind: 'too-large', message: 'is 2 MB, more than the 1 MB limit (setting mutantLens.maxReportSizeMB)' },
    });
  });
});
