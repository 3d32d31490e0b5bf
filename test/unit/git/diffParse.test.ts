import { describe, expect, it } from 'vitest';
import { parseDiff } from '../../../src/core/git/diffParse';
import { headerPath, pathsOfDiffLine, readQuoted, stripPrefix } from '../../../src/core/git/diffPaths';

const d = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('parseDiff', () => {
  it('reads added and changed lines of a modified file, 0-based in the new file', () => {
    const text = d(
      'diff --git a/src/a.ts b/src/a.ts', 'index 1..2 100644', '--- a/src/a.ts', '+++ b/src/a.ts',
      '@@ -2 +2 @@ fn', '-old', '+new', '@@ -5,0 +6,2 @@', '+x', '+y', '@@ -9,2 +10,0 @@', '-gone', '-gone too', '@@ -20,2 +20,3 @@', '-a', '-b', '+c', '+d', '+e',
    );
    expect(parseDiff(text)).toEqual([{ path: 'src/a.ts', oldPath: undefined, status: 'modified', lines: [1, 5, 6, 19, 20, 21] }]);
  });

  it('reads content lines that look like headers as content', () => {
    const text = d('diff --git a/a b/a', '--- a/a', '+++ b/a', '@@ -1,2 +1,3 @@', '---- x', '-++ y', '+++ z', '+--- w', '+diff --git a/q b/q', '@@ -9 +10 @@', '-@@ -1 +1 @@', '+@@ -1 +1 @@');
    expect(parseDiff(text)).toEqual([{ path: 'a', oldPath: undefined, status: 'modified', lines: [0, 1, 2, 9] }]);
  });

  it('counts context lines in diffs with context, and ignores "\\ No newline at end of file"', () => {
    const text = d('diff --git a/a b/a', '--- a/a', '+++ b/a', '@@ -1,3 +1,3 @@', ' one', '-two', '\\ No newline at end of file', '+two', '+three', '\\ No newline at end of file', '', '@@ -8,2 +8,3 @@', ' k', '', '+n');
    // The empty line in the second hunk is trimmed context; the one after the first hunk is outside any hunk.
    expect(parseDiff(text)).toEqual([{ path: 'a', oldPath: undefined, status: 'modified', lines: [1, 2, 9] }]);
  });

  it('reads new, deleted, renamed and copied files; skips binary ones', () => {
    const text = d(
      'diff --git a/new.ts b/new.ts', 'new file mode 100644', 'index 0..1', '--- /dev/null', '+++ b/new.ts', '@@ -0,0 +1,2 @@', '+a', '+b',
      'diff --git a/old.ts b/old.ts', 'deleted file mode 100644', '--- a/old.ts', '+++ /dev/null', '@@ -1,2 +0,0 @@', '-a', '-b',
      'diff --git a/r1.ts b/r2.ts', 'similarity index 80%', 'rename from r1.ts', 'rename to r2.ts', '--- a/r1.ts', '+++ b/r2.ts', '@@ -3,0 +4 @@', '+c',
      'diff --git a/c1.ts b/c2.ts', 'similarity index 100%', 'copy from c1.ts', 'copy to c2.ts',
      'diff --git a/img.png b/img.png', 'index 1..2 100644', 'Binary files a/img.png and b/img.png differ',
      'diff --git a/bin.dat b/bin.dat', 'GIT binary patch', 'literal 3', 'zcmZ',
      'diff --git a/empty.ts b/empty.ts', 'new file mode 100644', 'index 0..e69de29',
      'diff --git a/mode.sh b/mode.sh', 'old mode 100644', 'new mode 100755',
    );
    expect(parseDiff(text)).toEqual([
      { path: 'new.ts', oldPath: undefined, status: 'added', lines: [0, 1] },
      { path: 'old.ts', oldPath: undefined, status: 'deleted', lines: [] },
      { path: 'r2.ts', oldPath: 'r1.ts', status: 'renamed', lines: [3] },
      { path: 'c2.ts', oldPath: 'c1.ts', status: 'copied', lines: [] },
      { path: 'empty.ts', oldPath: undefined, status: 'added', lines: [] },
      { path: 'mode.sh', oldPath: undefined, status: 'modified', lines: [] },
    ]);
  });

  it('gives a deleted file no lines even when a hunk of it holds a line that looks like a header (fast-check counterexample)', () => {
    expect(parseDiff('diff --git a/x b/x\ndeleted file mode 100644\n@@ -1,2 +3,4 @@\n+++ b/x\n')).toEqual([{ path: 'x', oldPath: undefined, status: 'deleted', lines: [] }]);
  });

  it('reads a deleted file from its +++ /dev/null alone', () => {
    expect(parseDiff(d('diff --git a/x b/x', '--- a/x', '+++ /dev/null', '@@ -1 +0,0 @@', '-x'))).toEqual([
      { path: 'x', oldPath: undefined, status: 'deleted', lines: [] },
    ]);
  });

  it('reads quoted, unicode and spaced paths', () => {
    const text = d(
      'diff --git "a/caf\\303\\251.ts" "b/caf\\303\\251.ts"', '--- "a/caf\\303\\251.ts"', '+++ "b/caf\\303\\251.ts"', '@@ -1,0 +2 @@', '+y',
      'diff --git a/sp ace.ts b/sp ace2.ts', 'rename from sp ace.ts', 'rename to sp ace2.ts', '--- a/sp ace.ts\t', '+++ b/sp ace2.ts\t', '@@ -1,0 +2 @@', '+b',
      'diff --git "a/t\\t\\"q\\".ts" "b/t\\t\\"q\\".ts"', 'rename from "t\\t\\"q\\".ts"', 'rename to "u\\\\.ts"',
      'diff --git a/with space.txt b/with space.txt', 'new file mode 100644',
    );
    expect(parseDiff(text)).toEqual([
      { path: 'café.ts', oldPath: undefined, status: 'modified', lines: [1] },
      { path: 'sp ace2.ts', oldPath: 'sp ace.ts', status: 'renamed', lines: [1] },
      { path: 'u\\.ts', oldPath: 't\t"q".ts', status: 'renamed', lines: [] },
      { path: 'with space.txt', oldPath: undefined, status: 'added', lines: [] },
    ]);
  });

  it('accepts CRLF content and CRLF headers', () => {
    const text = 'diff --git a/w.ts b/w.ts\r\n--- a/w.ts\r\n+++ b/w.ts\r\n@@ -1 +1,2 @@\r\n-a\r\n+b\r\n+c\r\n';
    expect(parseDiff(text)).toEqual([{ path: 'w.ts', oldPath: undefined, status: 'modified', lines: [0, 1] }]);
  });

  it('ignores combined diffs, unmerged notices, malformed hunk headers and text before the first file', () => {
    const text = d('warning: x', '@@ -1 +1 @@', '+before any file', '* Unmerged path z.ts', 'diff --cc z.ts', 'index 1,2..3', '--- a/z.ts', '+++ b/z.ts', '@@@ -1,1 -1,1 +1,2 @@@', '++a',
      'diff --git a/k b/k', '--- a/k', '+++ b/k', '@@ bad @@', '+not counted', '@@ -1 +1 @@', '-a', '+b', 'new file mode 100644', 'rename to elsewhere', '+++ b/other',
      'diff --git unparseable', 'index 1..2', '@@ -1 +1 @@', '-a', '+b');
    expect(parseDiff(text)).toEqual([{ path: 'k', oldPath: undefined, status: 'modified', lines: [0] }]);
  });

  it('returns no files for empty output', () => {
    expect(parseDiff('')).toEqual([]);
  });
});

describe('diff paths', () => {
  it('unquotes every C escape and octal UTF-8 bytes', () => {
    expect(readQuoted('"\\a\\b\\t\\n\\v\\f\\r\\"\\\\\\303\\251\\q" rest', 0)).toEqual({ name: '\x07\b\t\n\v\f\r"\\éq', end: 30 });
    expect(readQuoted('"é raw"', 0)).toEqual({ name: 'é raw', end: 7 });
    expect(readQuoted('"never closed', 0)).toEqual(undefined);
  });

  it('reads header paths and prefixes', () => {
    expect([headerPath('"a/x\\040y"'), headerPath('a/x y\t'), headerPath('a/x'), headerPath('"a/open')]).toEqual(['a/x y', 'a/x y', 'a/x', '"a/open']);
    expect([stripPrefix('a/x', 'a/'), stripPrefix('x', 'a/'), stripPrefix('/dev/null', 'a/')]).toEqual(['x', 'x', undefined]);
  });

  it('splits diff --git lines', () => {
    expect(pathsOfDiffLine('a/x y b/x y')).toEqual({ old: 'x y', new: 'x y' });
    expect(pathsOfDiffLine('a/one b/two')).toEqual({ old: 'one', new: 'two' });
    expect(pathsOfDiffLine('a/x b/y b/x b/y')).toEqual({ old: 'x b/y', new: 'x b/y' });
    expect(pathsOfDiffLine('a/x b/yy b/x b/y')).toEqual({ old: 'x', new: 'yy b/x b/y' });
    expect(pathsOfDiffLine('a/x b/y b/x b/yz')).toEqual({ old: 'x', new: 'y b/x b/yz' });
    expect(pathsOfDiffLine('"a/\\303\\251" b/e')).toEqual({ old: 'é', new: 'e' });
    expect(pathsOfDiffLine('"a/x" "b/y"')).toEqual({ old: 'x', new: 'y' });
    expect(pathsOfDiffLine('a/x "b/\\303\\251"')).toEqual({ old: 'x', new: 'é' });
    expect([pathsOfDiffLine('"a/x"'), pathsOfDiffLine('"a/x'), pathsOfDiffLine('nothing')]).toEqual([undefined, undefined, undefined]);
  });
});
