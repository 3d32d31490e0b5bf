import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLcovFile, readLcovText } from '../../../src/core/coverage/readLcovText';
import { lcovFile } from './lcovHelpers';

const SUMMARY_ONLY = 'SF:src/lib.rs\nFNF:1\nFNH:1\nBRF:0\nBRH:0\nLF:1\nLH:1\nend_of_record';

describe('readLcovText', () => {
  it('reads a whole file', () => {
    expect(readLcovText('SF:a.ts\nDA:1,1\nend_of_record\n')).toEqual({ kind: 'ok', report: { files: [lcovFile('a.ts', { lines: [[0, 1]] })], ignoredLines: 0, version: undefined } });
  });

  it('calls empty text and text without a final end_of_record incomplete', () => {
    expect([readLcovText(''), readLcovText(' \n'), readLcovText('SF:a.ts\nDA:1,1\n'), readLcovText('SF:a.ts\nend_of_record\nSF:b')]).toEqual([
      { kind: 'incomplete', reason: 'is empty' },
      { kind: 'incomplete', reason: 'is empty' },
      { kind: 'incomplete', reason: 'is incomplete (no final end_of_record)' },
      { kind: 'incomplete', reason: 'is incomplete (no final end_of_record)' },
    ]);
  });

  it('refuses text that is not lcov, and a summary-only file with the one message about line records', () => {
    expect([readLcovText('<html>\nend_of_record'), readLcovText(SUMMARY_ONLY), readLcovText(`${SUMMARY_ONLY}\r\n`)]).toEqual([
      { kind: 'invalid', reason: 'Not an lcov file: no SF record among 2 unrecognised lines' },
      { kind: 'invalid', reason: 'has line totals but no line records (LF/LH without DA, as `cargo llvm-cov --summary-only` writes it), so no line can be marked; write it without --summary-only' },
      { kind: 'invalid', reason: 'has line totals but no line records (LF/LH without DA, as `cargo llvm-cov --summary-only` writes it), so no line can be marked; write it without --summary-only' },
    ]);
  });
});

describe('readLcovFile (what the report worker answers for an lcov file)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-lcov-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads and parses a file, with its modification time', async () => {
    const file = write('lcov.info', 'SF:a.ts\nDA:1,1\nend_of_record\n');
    expect(await readLcovFile(file, 1024)).toEqual({ kind: 'ok', report: { files: [lcovFile('a.ts', { lines: [[0, 1]] })], ignoredLines: 0, version: undefined }, mtimeMs: statSync(file).mtimeMs });
  });

  it('says why not: too large (naming the setting), gone, half-written, not lcov', async () => {
    const big = write('big.info', 'SF:a.ts\nDA:1,1\nend_of_record\n');
    expect(await readLcovFile(big, 10)).toEqual({ kind: 'invalid', reason: 'is 0.00 MB, more than the 0.00 MB limit (setting mutantLens.maxCoverageSizeMB)' });
    expect(await readLcovFile(path.join(dir, 'gone.info'), 1024)).toEqual({ kind: 'invalid', reason: 'no longer exists' });
    expect(await readLcovFile(write('half.info', 'SF:a.ts\nDA:1,1\n'), 1024)).toEqual({ kind: 'incomplete', reason: 'is incomplete (no final end_of_record)' });
    expect(await readLcovFile(write('html.info', '<html>\nend_of_record'), 1024)).toEqual({ kind: 'invalid', reason: 'Not an lcov file: no SF record among 2 unrecognised lines' });
  });
});
