import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSize, isFile, megabytes, modifiedAt, readBounded } from '../../../src/core/shared/fileProbe';
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

describe('readBounded', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ml-bounded-'));
  writeFileSync(path.join(root, 'small.txt'), 'hello');
  mkdirSync(path.join(root, 'folder'));
  symlinkSync(path.join(root, 'small.txt'), path.join(root, 'link.txt'));

  it('reads a regular file up to the limit, exactly at the limit included', async () => {
    const read = await readBounded(path.join(root, 'small.txt'), 5);
    expect(read.ok && [read.bytes.toString('utf8'), read.mtimeMs]).toEqual(['hello', statSync(path.join(root, 'small.txt')).mtimeMs]);
    const linked = await readBounded(path.join(root, 'link.txt'), 5);
    expect(linked.ok && linked.bytes.toString('utf8')).toBe('hello');
  });

  it('refuses a file one byte over the limit without reading it', async () => {
    expect(await readBounded(path.join(root, 'small.txt'), 4)).toEqual({ ok: false, kind: 'too-large', size: 5, message: 'is 0.00 MB, more than the 0.00 MB limit' });
  });

  it('refuses a sparse 4 GB file by its size, in one stat (nothing is allocated)', async () => {
    const sparse = path.join(root, 'sparse.json');
    writeFileSync(sparse, '');
    truncateSync(sparse, 4 * 1024 ** 3);
    expect(await readBounded(sparse, 256 * 1024 * 1024)).toEqual({ ok: false, kind: 'too-large', size: 4 * 1024 ** 3, message: 'is 4096 MB, more than the 256 MB limit' });
  });

  it('refuses a folder, a FIFO (without waiting for a writer) and nothing at all', async () => {
    const fifo = path.join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await Promise.all([readBounded(path.join(root, 'folder'), 100), readBounded(fifo, 100), readBounded(path.join(root, 'missing'), 100)])).toEqual([
      { ok: false, kind: 'not-a-file', message: 'is not a regular file' },
      { ok: false, kind: 'not-a-file', message: 'is not a regular file' },
      { ok: false, kind: 'missing', message: 'no longer exists' },
    ]);
  });

  // sysfs says 4096 bytes for a file that holds a few: the read ends short of the size, as for a file that shrank meanwhile.
  const shortFile = '/sys/devices/system/cpu/online';
  it.runIf(existsSync(shortFile))('gives out only the bytes read of a file that holds fewer than its size says', async () => {
    const held = readFileSync(shortFile);
    expect([statSync(shortFile).size, held.length < 4096]).toEqual([4096, true]);
    const read = await readBounded(shortFile, 4096);
    expect(read.ok && [read.bytes.equals(held), read.bytes.length]).toEqual([true, held.length]);
  });

  it('runs whileReading once, while the content is being read, and not for an empty or refused file', async () => {
    const events: string[] = [];
    const reading = readBounded(path.join(root, 'small.txt'), 5, () => events.push('while reading'));
    expect(events).toEqual([]);
    const read = await reading;
    events.push(read.ok ? read.bytes.toString('utf8') : read.message);
    expect(events).toEqual(['while reading', 'hello']);
    writeFileSync(path.join(root, 'empty.txt'), '');
    let calls = 0;
    const count = (): void => {
      calls++;
    };
    const reads = await Promise.all([readBounded(path.join(root, 'empty.txt'), 5, count), readBounded(path.join(root, 'small.txt'), 4, count), readBounded(path.join(root, 'folder'), 5, count)]);
    expect([reads.map((one) => one.ok), calls]).toEqual([[true, false, false], 0]);
  });

  it('tells the size of a regular file only', () => {
    expect([fileSize(path.join(root, 'small.txt')), fileSize(path.join(root, 'folder')), fileSize(path.join(root, 'missing'))]).toEqual([5, undefined, undefined]);
  });

  it('writes megabytes with two decimals below one MB and none above', () => {
    expect([megabytes(0), megabytes(1024 * 1024 - 1), megabytes(1024 * 1024), megabytes(200 * 1024 * 1024 + 1)]).toEqual(['0.00', '1.00', '1', '200']);
  });
});
