/**
 * Which lines of an old text survive unchanged into a new text, and where they land.
 * Common prefix and suffix are matched first; the middle goes through Myers' O((N+M)·D) diff,
 * giving up (everything in the middle changed) when the difference exceeds `maxEdits`.
 */
export interface LineMatch {
  /** For each old line, its new line index, or -1 when the line changed or was removed. */
  readonly oldToNew: Int32Array;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function matchLines(oldLines: readonly string[], newLines: readonly string[], maxEdits = 1000): LineMatch {
  const oldToNew = new Int32Array(oldLines.length).fill(-1);
  let prefix = 0;
  const shortest = Math.min(oldLines.length, newLines.length);
  while (prefix < shortest && oldLines[prefix] === newLines[prefix]) {
    oldToNew[prefix] = prefix;
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]
  ) {
    oldToNew[oldLines.length - 1 - suffix] = newLines.length - 1 - suffix;
    suffix++;
  }
  const oldMiddle = oldLines.slice(prefix, oldLines.length - suffix);
  const newMiddle = newLines.slice(prefix, newLines.length - suffix);
  for (const [a, b] of myersPairs(oldMiddle, newMiddle, maxEdits)) oldToNew[prefix + a] = prefix + b;
  return { oldToNew };
}

/** Matching index pairs of a shortest edit script between a and b (empty when it exceeds maxEdits). */
export function myersPairs(a: readonly string[], b: readonly string[], maxEdits: number): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m);
    }
  }
  return [];
}

function backtrack(trace: readonly Int32Array[], offset: number, n: number, m: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    if (d > 0) {
      x = previousX;
      y = previousY;
    }
  }
  return pairs.reverse();
}
