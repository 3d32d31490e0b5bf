/** Scanning helpers of the lcov parser: charCodeAt only, no regex, no substring. */

export const COMMA = 44;

/** The largest line number kept (0-based lines are stored as Uint32). */
export const MAX_LINE = 0xffffffff;

/** Whether `n` is a usable 1-based line number: 1 to MAX_LINE (a larger one would wrap around). */
export function isLineNumber(n: number): boolean {
  return n >= 1 && n <= MAX_LINE;
}

/** A read position inside one line, with readers that move it. */
export class Cursor {
  p = 0;

  /** Reads decimal digits at p; -1 when there are none. */
  uint(s: string, end: number): number {
    let p = this.p;
    let n = 0;
    for (; p < end; p++) {
      const d = s.charCodeAt(p) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    const found = p > this.p;
    this.p = p;
    return found ? n : -1;
  }

  /** Steps over a comma at p; false when there is none. */
  comma(s: string): boolean {
    if (s.charCodeAt(this.p) !== COMMA) return false;
    this.p++;
    return true;
  }
}

/** Whether `s` holds `prefix` at `i` (faster than startsWith with a position on V8). */
export function has(s: string, i: number, prefix: string): boolean {
  for (let k = 0; k < prefix.length; k++) if (s.charCodeAt(i + k) !== prefix.charCodeAt(k)) return false;
  return true;
}
