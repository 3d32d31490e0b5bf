import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFile, modifiedAt } from '../../../src/core/shared/fileProbe';
import { classifyReport } from '../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../src/core/mutation/report/load';
import { mutant, tinyReport } from '../mutation/report/fixtures';

describe('isFile', () => {
  it('is true for a regular file and a link to one, false for a folder, a link to a folder, a dangling link and nothing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ml-probe-'));
    mkdirSync(path.join(root, 'folder'));
    writeFileSync(path.join(root, 'file.ts'), 'x');
    symlinkSync(path.join(root, 'file.ts'), path.join(root, 'to-file'));
    symlinkSync(path.join(root, 'folder'), path.join(root, 'to-folder'));
    symlinkSync(path.join(root, 'gone'), path.join(root, 'dangling'));
    const names = ['file.ts', 'to-file', 'folder', 'to-folder', 'dangling', 'missing', 'file.ts/below'];
    expect(names.map((name) => [name, isFile(path.join(root, name))])).toEqual([
      ['file.ts', true],
      ['to-file', true],
      ['folder', false],
      ['to-folder', false],
      ['dangling', false],
      ['missing', false],
      ['file.ts/below', false],
    ]);
  });

  it('tells the modification time of a file, and undefined for nothing there', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ml-mtime-'));
    writeFileSync(path.join(root, 'a.ts'), 'x');
    expect([modifiedAt(path.join(root, 'a.ts')), modifiedAt(path.join(root, 'missing'))]).toEqual([statSync(path.join(root, 'a.ts')).mtimeMs, undefined]);
  });

  it('makes a report key that names a folder an ignored key, not a file with markers', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ml-probe-report-'));
    mkdirSync(path.join(root, 'src/a.ts'), { recursive: true });
    mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
    const report = path.join(root, 'reports/mutation/mutation.json');
    writeFileSync(report, JSON.stringify({ ...tinyReport([mutant()]), files: { 'src/a.ts': { language: 'typescript', source: 'const a = b >= c;\n', mutants: [mutant()] } } }));
    const result = await loadReport(classifyReport(report), { workspaceFolders: [root], exists: isFile, findFilesNamed: async () => new Map(), maxBytes: 1024 * 1024 });
    expect(result.ok && [[...result.value.files.keys()], result.value.ignoredKeys]).toEqual([[], [{ key: 'src/a.ts', reason: 'was not found in the workspace' }]]);
  });
});
