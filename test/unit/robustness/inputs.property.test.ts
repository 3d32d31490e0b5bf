// The other readers of files and output: lcov, git diff, the process output tail. Arbitrary input
// never throws; garbage in lcov is counted and changes nothing else; changed lines agree with
// git's own count (`--numstat`) and leave a common subsequence of both texts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLcov } from '../../../bench/generators/lcov';
import { parseLcov } from '../../../src/core/coverage/lcov';
import { parseDiff } from '../../../src/core/git/diffParse';
import { TailBuffer } from '../../../src/core/shared/process';
import { checkProperty } from './property';

const LCOV_TOKENS = fc.constantFrom('SF:', 'DA:', 'BRDA:', 'FN:', 'FNDA:', 'FNL:', 'FNA:', 'VER:', 'end_of_record', 'TN:', ',', '-', '1', '0', '99999999999999999999', '\n', '\r\n', ' ', 'src/a.ts', '\uFEFF', ':');
const LCOV_TEXT = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.oneof(LCOV_TOKENS, fc.string({ maxLength: 3 })), { maxLength: 60 }).map((parts) => parts.join('')));

const ascendingUnique = (values: ArrayLike<number>): boolean => Array.from(values).every((v, i, all) => i === 0 || v > (all[i - 1] as number));

describe('lcov under arbitrary input', () => {
  it('parseLcov never throws on arbitrary text', () => {
    checkProperty(
      'parseLcov never throws on arbitrary text',
      fc.property(LCOV_TEXT, (text) => {
        const result = parseLcov(text);
        if (!result.ok) expect(result.error.kind).toBe('notLcov');
        else expect(result.value.files.every((f) => ascendingUnique(f.lines) && ascendingUnique(f.branchLines) && f.lines.length === f.hits.length)).toBe(true);
      }),
    );
  });

  it('garbage lines in lcov are counted and change nothing else', () => {
    // Lines no lcov record starts with: no upper-case tag and colon, not end_of_record, not blank.
    const GARBAGE = fc.oneof(fc.constantFrom('garbage', '<<<<<<< HEAD', '# comment', 'da:1,1', 'end_of_recor', '\u0000'), fc.stringMatching(/^[a-z0-9 #<>=!?]{1,12}$/)).filter((line) => line.trim() !== '');
    checkProperty(
      'garbage lines in lcov are counted and change nothing else',
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(fc.tuple(fc.nat(), GARBAGE), { maxLength: 20 }), (seed, garbage) => {
        const lines = generateLcov(seed, 2000).split('\n');
        const clean = parseLcov(lines.join('\n'));
        for (const [at, line] of garbage) lines.splice(at % lines.length, 0, line);
        const dirty = parseLcov(lines.join('\n'));
        expect(dirty.ok && clean.ok && [dirty.value.ignoredLines - clean.value.ignoredLines, dirty.value.files]).toEqual([garbage.length, clean.ok && clean.value.files]);
      }),
    );
  });
});

describe('git diff under arbitrary input', () => {
  const DIFF_TOKENS = fc.constantFrom('diff --git a/x b/x\n', '--- a/x\n', '+++ b/x\n', '@@ -1,2 +3,4 @@\n', '@@ -0,0 +1 @@\n', '@@ -1 +1,99999999999 @@\n', '+', '-', ' ', '\\ No newline at end of file\n', '\n', '\r\n', 'rename to "q\\303"\n', '"a/\\', 'Binary files ', 'new file mode 100644\n', 'deleted file mode 100644\n', '+++ /dev/null\n');
  const DIFF_TEXT = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.oneof(DIFF_TOKENS, fc.string({ maxLength: 4 })), { maxLength: 50 }).map((parts) => parts.join('')));

  it('parseDiff never throws on arbitrary text', () => {
    checkProperty(
      'parseDiff never throws on arbitrary text',
      fc.property(DIFF_TEXT, (text) => {
        const files = parseDiff(text);
        const bad = files.filter((f) => !ascendingUnique(f.lines) || f.lines.some((l) => !Number.isSafeInteger(l) || l < 0) || (f.status === 'deleted' && f.lines.length > 0));
        expect(bad).toEqual([]);
      }),
    );
  });

  const repo = mkdtempSync(join(tmpdir(), 'ml-numstat-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    } catch (error) {
      return (error as { stdout?: string }).stdout ?? ''; // --no-index exits 1 when the files differ
    }
  };
  const LINES = fc.array(fc.constantFrom('a', 'b', 'c', '', 'x y'), { maxLength: 15 });

  it('changed lines match git diff --numstat and keep a common subsequence', () => {
    checkProperty(
      'changed lines match git diff --numstat and keep a common subsequence',
      fc.property(LINES, LINES, (before, after) => {
        writeFileSync(join(repo, 'old.txt'), before.map((l) => `${l}\n`).join(''));
        writeFileSync(join(repo, 'new.txt'), after.map((l) => `${l}\n`).join(''));
        const diff = git('diff', '--no-index', '--no-color', '--no-ext-diff', '-U0', '--src-prefix=a/', '--dst-prefix=b/', 'old.txt', 'new.txt');
        const numstat = git('diff', '--no-index', '--numstat', 'old.txt', 'new.txt');
        const added = numstat === '' ? 0 : Number(numstat.split('\t')[0]);
        const lines = parseDiff(diff)[0]?.lines ?? [];
        const kept = after.filter((_, i) => !lines.includes(i));
        let j = 0;
        for (const line of before) if (j < kept.length && kept[j] === line) j++;
        expect([lines.length, j, lines.every((l) => l < after.length)]).toEqual([added, kept.length, true]);
      }),
    );
  }, 60_000);
});

describe('process output tail', () => {
  it('TailBuffer keeps exactly the last bytes however the output is chunked', () => {
    checkProperty(
      'TailBuffer keeps exactly the last bytes however the output is chunked',
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 20 }), fc.integer({ min: 1, max: 100 }), (chunks, cap) => {
        const tail = new TailBuffer(cap);
        for (const chunk of chunks) tail.push(Buffer.from(chunk));
        const all = Buffer.concat(chunks.map((c) => Buffer.from(c)));
        expect([tail.text(), tail.truncated]).toEqual([all.subarray(Math.max(0, all.length - cap)).toString('utf8'), all.length > cap]);
      }),
    );
  });
});
