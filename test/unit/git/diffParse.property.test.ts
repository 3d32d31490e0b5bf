import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiff } from '../../../src/core/git/diffParse';

/** git's C-style quoting of a path, when it needs it. */
function gitQuote(path: string): string {
  if (!/[^\x20-\x7e]|["\\]/.test(path)) return path;
  const bytes = new TextEncoder().encode(path);
  let out = '';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b === 9) out += '\\t';
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `"${out}"`;
}

function headerName(prefix: string, path: string): string {
  const quoted = gitQuote(prefix + path);
  return quoted.startsWith('"') || !path.includes(' ') ? quoted : `${quoted}\t`;
}

const CONTENT = fc.constantFrom('x', '', ' ', '+++ b/x', '--- a/x', '@@ -1 +1 @@', 'diff --git a/q b/q', '\\ no', 'é\r', 'rename to z');
const HUNK = fc.record({
  gap: fc.integer({ min: 0, max: 5 }),
  removed: fc.array(CONTENT, { maxLength: 4 }),
  added: fc.array(CONTENT, { maxLength: 4 }),
  countStyle: fc.boolean(),
}).filter((h) => h.removed.length + h.added.length > 0);
const PATH = fc.constantFrom('a.ts', 'src/b c.ts', 'café.ts', 'q"uote.ts', 'back\\slash.ts', 'tab\tname.ts', 'deep/x/y.js');
const FILE = fc.record({ path: PATH, hunks: fc.array(HUNK, { maxLength: 5 }), noEol: fc.boolean() });

function range(start: number, count: number, explicitOne: boolean): string {
  return count === 1 && !explicitOne ? `${start}` : `${start},${count}`;
}

/** Writes a -U0 diff for one file and returns it with the lines it should yield. */
function renderFile(spec: { path: string; hunks: { gap: number; removed: string[]; added: string[]; countStyle: boolean }[]; noEol: boolean }): { text: string; lines: number[] } {
  const out = [`diff --git ${gitQuote(`a/${spec.path}`)} ${gitQuote(`b/${spec.path}`)}`, 'index 1111111..2222222 100644', `--- ${headerName('a/', spec.path)}`, `+++ ${headerName('b/', spec.path)}`];
  const lines: number[] = [];
  let oldNext = 1;
  let newNext = 1;
  spec.hunks.forEach((h, i) => {
    oldNext += h.gap;
    newNext += h.gap;
    const oldStart = h.removed.length > 0 ? oldNext : oldNext - 1;
    const newStart = h.added.length > 0 ? newNext : newNext - 1;
    out.push(`@@ -${range(oldStart, h.removed.length, h.countStyle)} +${range(newStart, h.added.length, h.countStyle)} @@ ctx`);
    out.push(...h.removed.map((c) => `-${c}`));
    if (spec.noEol && i === spec.hunks.length - 1 && h.removed.length > 0) out.push('\\ No newline at end of file');
    out.push(...h.added.map((c) => `+${c}`));
    if (spec.noEol && i === spec.hunks.length - 1 && h.added.length > 0) out.push('\\ No newline at end of file');
    for (let k = 0; k < h.added.length; k++) lines.push(newNext - 1 + k);
    oldNext += h.removed.length;
    newNext += h.added.length;
  });
  return { text: `${out.join('\n')}\n`, lines };
}

describe('parseDiff on generated diffs', () => {
  it('yields exactly the added lines of each hunk', () => {
    fc.assert(
      fc.property(fc.array(FILE, { maxLength: 4 }), (files) => {
        const rendered = files.map(renderFile);
        const expected = files.map((f, i) => ({ path: f.path, oldPath: undefined, status: 'modified', lines: rendered[i]?.lines }));
        expect(parseDiff(rendered.map((r) => r.text).join(''))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

/** Lines as git compares them: a last line without newline differs from the same text with one. */
function tokens(text: string): string[] {
  const parts = text.split('\n');
  const last = parts.pop() as string;
  return last === '' ? parts : [...parts, `${last}\u0000no-eol`];
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] as number);
      diag = up;
    }
  }
  return row[b.length] as number;
}

/** `+` lines inside the hunks of a raw diff (not the `+++ b/…` header). */
function addedLineCount(raw: string): number {
  let inHunk = false;
  let count = 0;
  for (const line of raw.split('\n')) {
    if (line.startsWith('@@')) inHunk = true;
    else if (line.startsWith('diff --git')) inHunk = false;
    else if (inHunk && line.startsWith('+')) count++;
  }
  return count;
}

function isSubsequence(sub: readonly string[], of: readonly string[]): boolean {
  let i = 0;
  for (const x of of) if (i < sub.length && sub[i] === x) i++;
  return i === sub.length;
}

describe('parseDiff on real git output', { timeout: 60_000 }, () => {
  let repo = '';
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  // Made in beforeAll, not at collection, so that a filtered-out run leaves no folder behind.
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ml-diffprop-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    git('config', 'core.autocrlf', 'false');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const LINE = fc.constantFrom('a', 'b', 'c', 'd', '', 'a\r', '}');
  const TEXT = fc.tuple(fc.array(LINE, { maxLength: 12 }), fc.boolean()).map(([ls, eol]) => ls.join('\n') + (eol && ls.length > 0 ? '\n' : ''));

  // git does not promise a minimal diff, even with --minimal: xdiff drops a matching line that sits
  // among changed ones (a\na\na\na\nc\na\na\na → c\nc\nc\nc\n marks all four new lines, not three).
  // So: exactly the lines git adds, never fewer than a minimal diff, and the rest common to both texts.
  it('marks exactly the lines git adds, at least a minimal diff\'s worth, whose complement is common to both texts', () => {
    fc.assert(
      fc.property(TEXT, TEXT, (before, after) => {
        writeFileSync(join(repo, 'f.txt'), before);
        git('add', 'f.txt');
        git('commit', '-q', '--allow-empty', '-m', 'before');
        writeFileSync(join(repo, 'f.txt'), after);
        const raw = git('diff', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '-U0', '--minimal', 'HEAD');
        const files = parseDiff(raw);
        const changed = files.length === 0 ? [] : (files[0]?.lines ?? []);
        const oldLines = tokens(before);
        const newLines = tokens(after);
        const kept = newLines.filter((_, i) => !changed.includes(i));
        const added = addedLineCount(raw);
        expect([files.length <= 1, changed.length, changed.length >= newLines.length - lcsLength(oldLines, newLines), isSubsequence(kept, oldLines)]).toEqual([true, added, true, true]);
        expect(changed.every((l) => l >= 0 && l < newLines.length)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('reads the diff git makes for the case where it is not minimal', () => {
    writeFileSync(join(repo, 'f.txt'), 'a\na\na\na\nc\na\na\na');
    git('add', 'f.txt');
    git('commit', '-q', '--allow-empty', '-m', 'before');
    writeFileSync(join(repo, 'f.txt'), 'c\nc\nc\nc\n');
    const files = parseDiff(git('diff', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '-U0', '--minimal', 'HEAD'));
    expect(files.map((f) => [...f.lines])).toEqual([[0, 1, 2, 3]]);
  });
});
