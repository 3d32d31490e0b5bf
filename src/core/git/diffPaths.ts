/**
 * Paths as git writes them in diff headers: C-style quoted (`"a/caf\303\251.ts"`) when they hold
 * special or non-ASCII bytes, a trailing TAB after names with spaces, and the a/ b/ prefixes.
 */

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Reads a quoted name starting at `text[start] === '"'`. Returns the name and the index after
 * the closing quote, or undefined when the quote never closes.
 */
export function readQuoted(text: string, start: number): { name: string; end: number } | undefined {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') return { name: new TextDecoder().decode(Uint8Array.from(bytes)), end: i + 1 };
    if (ch !== '\\') {
      bytes.push(...encoder.encode(ch));
      continue;
    }
    const next = text[++i] ?? '';
    const octal = /^[0-7]{3}$/.test(text.slice(i, i + 3));
    if (octal) {
      bytes.push(parseInt(text.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return undefined;
}

/** A header path: unquoted, without the trailing TAB git adds to names with spaces. */
export function headerPath(raw: string): string {
  if (raw.startsWith('"')) return readQuoted(raw, 0)?.name ?? raw;
  return raw.endsWith('\t') ? raw.slice(0, -1) : raw;
}

/** Removes a diff prefix (`a/`, `b/`); `/dev/null` becomes undefined. */
export function stripPrefix(path: string, prefix: string): string | undefined {
  if (path === '/dev/null') return undefined;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The new path of a `diff --git <a> <b>` line (used when no ---/+++ or rename lines follow). */
export function pathsOfDiffLine(rest: string): { old: string; new: string } | undefined {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (first === undefined || rest[first.end] !== ' ') return undefined;
    const second = headerPath(rest.slice(first.end + 1));
    return { old: first.name.slice(2), new: second.slice(2) };
  }
  // Unquoted names may hold spaces: "a/P b/P" with the same P is the common case.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3) && rest[half] === ' ') {
    return { old: rest.slice(2, half), new: rest.slice(half + 3) };
  }
  const plain = rest.indexOf(' b/');
  const split = plain >= 0 ? plain : rest.indexOf(' "b/');
  if (split < 0) return undefined;
  const second = rest.slice(split + 1);
  return { old: rest.slice(2, split), new: second.startsWith('"') ? headerPath(second).slice(2) : second.slice(2) };
}
