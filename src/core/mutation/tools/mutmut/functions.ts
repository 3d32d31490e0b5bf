/**
 * The text of a generated function in mutmut's mutated file, from the line index mutmut 3.8
 * writes beside it (`<file>.spans`: `{"version": 1, "spans": {"<function>": [first, last]}}`,
 * 1-based inclusive lines, `mutmut/mutation/data.py` `MutantLineSpans`), or, without a usable
 * index (older mutmut 3), by finding the `def` line and the end of its indented block.
 */
export type LineSpans = ReadonlyMap<string, readonly [number, number]>;

export function parseSpans(text: string | undefined): LineSpans | undefined {
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text) as { version?: unknown; spans?: unknown };
    if (data.version !== 1 || typeof data.spans !== 'object' || data.spans === null) return undefined;
    const spans = new Map<string, readonly [number, number]>();
    for (const [name, span] of Object.entries(data.spans)) {
      if (Array.isArray(span) && span.length === 2 && span.every((n) => Number.isInteger(n) && (n as number) > 0)) spans.set(name, [span[0] as number, span[1] as number]);
    }
    return spans;
  } catch {
    return undefined;
  }
}

/** The function from its `def` line to its last non-blank line, or undefined when it is not there. */
export function functionText(lines: readonly string[], name: string, spans: LineSpans | undefined): string | undefined {
  const span = spans?.get(name);
  const fromIndex = span === undefined ? undefined : defLineIn(lines, name, span[0] - 1, span[1]);
  if (span !== undefined && fromIndex !== undefined) return trimmedBlock(lines.slice(fromIndex, span[1]));
  const start = defLineIn(lines, name, 0, lines.length);
  if (start === undefined) return undefined;
  return trimmedBlock(lines.slice(start, blockEnd(lines, start)));
}

function defLineIn(lines: readonly string[], name: string, from: number, to: number): number | undefined {
  const def = new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${escapeRegExp(name)}[ \\t]*\\(`, 'u');
  for (let index = Math.max(0, from); index < Math.min(to, lines.length); index++) if (def.test(lines[index] ?? '')) return index;
  return undefined;
}

/** The line after the indented block that starts at `start`: the next code line indented no deeper than the `def`. */
function blockEnd(lines: readonly string[], start: number): number {
  const indent = indentWidth(lines[start] ?? '');
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || /^[ \t]*[)\]}]/.test(line)) continue;
    if (indentWidth(line) <= indent) return index;
  }
  return lines.length;
}

function indentWidth(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

function trimmedBlock(lines: readonly string[]): string {
  return lines.join('\n').replace(/\s+$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
