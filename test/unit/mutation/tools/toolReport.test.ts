import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readResultFile } from '../../../../src/core/mutation/tools/toolReport';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-toolreport-'));
  writeFileSync(path.join(dir, 'results.json'), '0123456789');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readResultFile', () => {
  it('reads a file of exactly the bound, and refuses one byte more with the sizes in MB', async () => {
    const file = path.join(dir, 'results.json');
    expect(await readResultFile(file, 10)).toEqual({ ok: true, value: '0123456789' });
    expect(await readResultFile(file, 9)).toEqual({ ok: false, error: { kind: 'too-large', message: 'is 0 MB, more than the 0 MB limit (setting mutantLens.maxReportSizeMB)' } });
  });

  it('says a missing file no longer exists, and why another cannot be read', async () => {
    expect(await readResultFile(path.join(dir, 'gone.json'), 10)).toEqual({ ok: false, error: { kind: 'missing', message: 'no longer exists' } });
    expect(await readResultFile(dir, 1_000_000)).toEqual({ ok: false, error: { kind: 'unreadable', message: 'cannot be read (EISDIR)' } });
    expect(await readResultFile(path.join(dir, 'results.json', 'x'), 10)).toEqual({ ok: false, error: { kind: 'unreadable', message: 'cannot be read (ENOTDIR)' } });
  });
});
