import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { loadReport, type LoadEnvironment } from '../../../../src/core/mutation/report/load';
import { mutant, tinyReport } from './fixtures';

function workspace(): { root: string; report: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'ml-load-'));
  mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/a.ts'), 'const a = b >= c;\n');
  return { root, report: path.join(root, 'reports/mutation/mutation.json') };
}

function environment(root: string, overrides: Partial<LoadEnvironment> = {}): LoadEnvironment {
  return { workspaceFolders: [root], exists: existsSync, findFilesNamed: async () => new Map(), maxBytes: 1024 * 1024, ...overrides };
}

describe('loadReport', () => {
  it('reads, validates and indexes a report', async () => {
    const { root, report } = workspace();
    writeFileSync(report, JSON.stringify(tinyReport([mutant()])));
    const result = await loadReport(classifyReport(report), environment(root));
    expect(result.ok && [...result.value.files.keys()]).toEqual([path.join(root, 'src/a.ts')]);
    expect(result.ok && result.value.path).toBe(report);
    expect(result.ok && result.value.tool).toBe('stryker-js');
  });

  it('asks for workspace files by name only when a key needs a suffix match', async () => {
    const { root, report } = workspace();
    writeFileSync(report, JSON.stringify({ ...tinyReport([mutant()]), files: { 'C:\\ci\\src\\a.ts': { language: 'typescript', source: 'const a = b >= c;\n', mutants: [mutant()] } } }));
    const asked: string[][] = [];
    const result = await loadReport(classifyReport(report), environment(root, {
      findFilesNamed: async (names) => {
        asked.push([...names]);
        return new Map([['a.ts', [path.join(root, 'src/a.ts')]]]);
      },
    }));
    expect(asked).toEqual([['a.ts']]);
    expect(result.ok && [...result.value.files.keys()]).toEqual([path.join(root, 'src/a.ts')]);
  });

  it('runs whileReading once while the report is read, before beforeParse hears its bytes', async () => {
    const { root, report } = workspace();
    const text = JSON.stringify(tinyReport([mutant()]));
    writeFileSync(report, text);
    const heard: string[] = [];
    const result = await loadReport(classifyReport(report), environment(root, { whileReading: () => heard.push('while reading'), beforeParse: (bytes) => heard.push(Buffer.from(bytes).toString('utf8')) }));
    expect([result.ok, heard]).toEqual([true, ['while reading', text]]);
  });

  it('refuses a report over the size limit without reading it', async () => {
    const { root, report } = workspace();
    writeFileSync(report, JSON.stringify(tinyReport([mutant()])));
    const result = await loadReport(classifyReport(report), environment(root, { maxBytes: 10 }));
    expect(result).toEqual({ ok: false, error: { kind: 'too-large', message: 'is 0.00 MB, more than the 0.00 MB limit (setting mutantLens.maxReportSizeMB)' } });
    const big = await loadReport(classifyReport(report), environment(root, { maxBytes: 0 }));
    expect(big.ok).toBe(false);
  });

  it('says when the file is gone or cannot be read', async () => {
    const { root, report } = workspace();
    expect(await loadReport(classifyReport(report), environment(root))).toEqual({ ok: false, error: { kind: 'missing', message: 'no longer exists' } });
    mkdirSync(report);
    expect(await loadReport(classifyReport(report), environment(root))).toEqual({ ok: false, error: { kind: 'unreadable', message: 'is not a regular file' } });
  });

  it('passes parse problems through', async () => {
    const { root, report } = workspace();
    writeFileSync(report, '{"schemaVersion":');
    expect(await loadReport(classifyReport(report), environment(root))).toEqual({ ok: false, error: { kind: 'incomplete', message: 'is incomplete (the JSON ends early)' } });
  });
});

describe('loadReport of a report with numbers where the schema asks for strings', () => {
  it('loads it and carries the one sentence for the log', async () => {
    const { root, report } = workspace();
    writeFileSync(report, JSON.stringify({ ...tinyReport([mutant({ id: 1 }), mutant({ id: 2, replacement: 'b < c' })]), schemaVersion: 1 }));
    const result = await loadReport(classifyReport(report), environment(root));
    expect(result.ok && [result.value.normalised, [...result.value.files.values()][0]?.mutants.map((m) => m.id)]).toEqual([
      'read 2 numeric mutant ids and the numeric schemaVersion 1 as strings (the schema asks for strings; the official report viewer shows such reports)',
      ['1', '2'],
    ]);
  });

  it('carries no sentence for a report that follows the schema', async () => {
    const { root, report } = workspace();
    writeFileSync(report, JSON.stringify(tinyReport([mutant()])));
    const result = await loadReport(classifyReport(report), environment(root));
    expect(result.ok && 'normalised' in result.value).toBe(false);
  });
});
