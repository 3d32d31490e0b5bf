/**
 * Parses `git diff` output (made for `-U0`, correct with any context) into the lines each file
 * gained or changed, 0-based in the NEW file. A hunk's body is read by its header's counts, so a
 * content line that looks like a header (`+++ x`, `--- y`, `diff --git`) is still content.
 * "\ No newline at end of file" counts as nothing; pure deletions add nothing; binary files are
 * left out; deleted files have no lines. Expects git's default `a/` `b/` prefixes.
 */
import { headerPath, pathsOfDiffLine, readQuoted, stripPrefix } from './diffPaths';

export type DiffStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

export interface DiffFile {
  /** Path relative to the repository root: the new path, or the old one for a deleted file. */
  readonly path: string;
  /** The path before a rename or copy. */
  readonly oldPath: string | undefined;
  readonly status: DiffStatus;
  /** 0-based lines of the new file that were added or changed, ascending. */
  readonly lines: readonly number[];
}

interface FileState {
  oldPath: string | undefined;
  newPath: string | undefined;
  status: DiffStatus;
  binary: boolean;
  lines: number[];
}

interface Hunk {
  oldLeft: number;
  newLeft: number;
  /** 1-based number of the next new-file line. */
  next: number;
  /** The file's changed lines, added to as the body is read. */
  readonly lines: number[];
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: FileState | undefined;
  let hunk: Hunk | undefined;
  const flush = (): void => {
    const done = file === undefined ? undefined : toDiffFile(file);
    if (done !== undefined) files.push(done);
    file = undefined;
  };
  for (const raw of text.split('\n')) {
    if (hunk !== undefined && (hunk.oldLeft > 0 || hunk.newLeft > 0)) {
      bodyLine(raw, hunk);
      continue;
    }
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('diff ')) {
      flush();
      hunk = undefined;
      file = line.startsWith('diff --git ') ? startFile(line.slice(11)) : undefined;
    } else if (file === undefined) {
      continue;
    } else if (line.startsWith('@@')) {
      hunk = startHunk(line, file.lines);
    } else if (hunk === undefined) {
      headerLine(line, file);
    }
  }
  flush();
  return files;
}

function startFile(rest: string): FileState {
  const paths = pathsOfDiffLine(rest);
  return { oldPath: paths?.old, newPath: paths?.new, status: 'modified', binary: false, lines: [] };
}

function startHunk(line: string, lines: number[]): Hunk | undefined {
  const m = HUNK_HEADER.exec(line);
  if (m === null) return undefined;
  const count = (s: string | undefined): number => (s === undefined ? 1 : Number(s));
  return { oldLeft: count(m[1]), newLeft: count(m[3]), next: Number(m[2]), lines };
}

/** Hunks come in order and each body line moves forward, so lines stay ascending and unique. */
function bodyLine(raw: string, hunk: Hunk): void {
  const c = raw.charCodeAt(0);
  if (c === 43 /* + */) {
    hunk.lines.push(hunk.next - 1);
    hunk.next++;
    hunk.newLeft--;
  } else if (c === 45 /* - */) {
    hunk.oldLeft--;
  } else if (c !== 92 /* \ No newline at end of file */) {
    // Context: ' ', or an empty line from tools that trim trailing spaces.
    hunk.next++;
    hunk.newLeft--;
    hunk.oldLeft--;
  }
}

const HEADER_FIELDS: readonly [string, (file: FileState, value: string) => void][] = [
  ['+++ ', (f, v) => setNewPath(f, stripPrefix(headerPath(v), 'b/'))],
  ['new file mode ', (f) => (f.status = 'added')],
  ['deleted file mode ', (f) => (f.status = 'deleted')],
  ['rename from ', (f, v) => ((f.oldPath = unquote(v)), (f.status = 'renamed'))],
  ['rename to ', (f, v) => ((f.newPath = unquote(v)), (f.status = 'renamed'))],
  ['copy from ', (f, v) => ((f.oldPath = unquote(v)), (f.status = 'copied'))],
  ['copy to ', (f, v) => ((f.newPath = unquote(v)), (f.status = 'copied'))],
  ['Binary files ', (f) => (f.binary = true)],
  ['GIT binary patch', (f) => (f.binary = true)],
];

function headerLine(line: string, file: FileState): void {
  for (const [prefix, apply] of HEADER_FIELDS) {
    if (line.startsWith(prefix)) {
      apply(file, line.slice(prefix.length));
      return;
    }
  }
}

function setNewPath(file: FileState, path: string | undefined): void {
  if (path === undefined) file.status = 'deleted';
  else file.newPath = path;
}

function unquote(value: string): string {
  return value.startsWith('"') ? (readQuoted(value, 0)?.name ?? value) : value;
}

/** A deleted file keeps the path of its `diff --git` line, and its hunks add no line. */
function toDiffFile(f: FileState): DiffFile | undefined {
  if (f.binary || f.newPath === undefined) return undefined;
  const renamed = f.status === 'renamed' || f.status === 'copied';
  return { path: f.newPath, oldPath: renamed ? f.oldPath : undefined, status: f.status, lines: f.status === 'deleted' ? [] : f.lines };
}
