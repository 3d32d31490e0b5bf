import type { GateResult } from '../result';

/** The machine-readable result: `original` and `notes` left out, 1-based positions, relative paths. */
export function formatJson(result: GateResult): string {
  const { status, base, mergeBase, gates, summary, files, uncovered } = result;
  const survivors = result.survivors.map(({ file, line, column, endLine, endColumn, mutator, replacement, status: s, new: isNew }) => ({ file, line, column, endLine, endColumn, mutator, replacement, status: s, new: isNew }));
  return `${JSON.stringify({ status, base, mergeBase, gates, summary, files, uncovered, survivors }, null, 2)}\n`;
}
