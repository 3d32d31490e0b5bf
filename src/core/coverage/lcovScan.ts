/** Scanning helpers of the lcov parser: charCodeAt only, no regex, no substring. */

export const COMMA = 44;
const DOT = 46;
const LOWER_E = 101;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSign(c: number): boolean {
  return c === 43 /* + */ || c === 45 /* - */;
}

/** A character that continues a number past its digits: a fraction or an exponent. */
function isNumberPart(c: number): boolean {
  // Stryker disable next-line ConditionalExpression: only speed; true sends plain digits to perlNumber, which reads them the same
  return c === DOT || (c | 32) === LOWER_E;
}

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

  /**
   * Reads an execution count at p as lcov 2.x reads it: a number as Perl writes one (sign,
   * fraction, exponent: `-3`, `1.0e+19`), a negative count read as 0 (lcov 2.x reports it as a
   * "negative" error and, told to ignore that, uses 0). -1 when there is no number at p.
   */
  count(s: string, end: number): number {
    const from = this.p;
    const n = this.uint(s, end);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: only speed; perlNumber reads plain digits to the same number and place
    if (n >= 0 && (this.p === end || !isNumberPart(s.charCodeAt(this.p)))) return n;
    this.p = from;
    return this.perlNumber(s, end);
  }

  /** `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, as a count (negative: 0); -1 when malformed. */
  private perlNumber(s: string, end: number): number {
    const from = this.p;
    if (this.p < end && isSign(s.charCodeAt(this.p))) this.p++;
    const whole = this.digits(s, end);
    if (this.p < end && s.charCodeAt(this.p) === DOT) this.p++;
    const fraction = this.digits(s, end);
    if (whole + fraction === 0) return this.fail(from);
    const beforeExponent = this.p;
    if (this.p < end && (s.charCodeAt(this.p) | 32) === LOWER_E) {
      this.p++;
      if (this.p < end && isSign(s.charCodeAt(this.p))) this.p++;
      if (this.digits(s, end) === 0) this.p = beforeExponent;
    }
    return Math.max(0, Number(s.slice(from, this.p)));
  }

  private digits(s: string, end: number): number {
    const from = this.p;
    while (this.p < end && isDigit(s.charCodeAt(this.p))) this.p++;
    return this.p - from;
  }

  private fail(from: number): number {
    this.p = from;
    return -1;
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
