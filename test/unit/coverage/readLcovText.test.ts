import { describe, expect, it } from 'vitest';
import { readLcovText } from '../../../src/core/coverage/readLcovText';
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
