/**
 * Coverage that follows edits. lcov numbers lines as they were when the tests ran; once lines are
 * inserted or removed above, those numbers point at other code. Given the text the coverage was
 * measured on and the current text, each DA and BRDA line that survives unchanged moves to its
 * new number; lines changed or added since carry no coverage (nothing has measured them yet),
 * and lines removed since are dropped.
 */
import { matchLines, splitLines } from '../mutation/remap/lineDiff';
import type { LcovFile, LcovFunction } from './lcovTypes';

export function moveCoverage(file: LcovFile, measuredText: string, currentText: string): LcovFile {
  if (measuredText === currentText) return file;
  const { oldToNew } = matchLines(splitLines(measuredText), splitLines(currentText));
  const moved = (line: number): number => (line < oldToNew.length ? (oldToNew[line] as number) : -1);
  const lines = moveColumns(file.lines, [file.hits], moved);
  const branches = moveColumns(file.branchLines, [file.branchesTaken, file.branchesTotal], moved);
  return {
    path: file.path,
    lines: Uint32Array.from(lines.keys),
    hits: Float64Array.from(lines.columns[0] as number[]),
    branchLines: Uint32Array.from(branches.keys),
    branchesTaken: Uint32Array.from(branches.columns[0] as number[]),
    branchesTotal: Uint32Array.from(branches.columns[1] as number[]),
    functions: file.functions.map((f) => moveFunction(f, moved)),
  };
}

/**
 * The rows whose key line survives, with the key moved. A line match never crosses another, so
 * ascending keys stay ascending.
 */
function moveColumns(keys: ArrayLike<number>, columns: readonly ArrayLike<number>[], moved: (line: number) => number): { keys: number[]; columns: number[][] } {
  const out = { keys: [] as number[], columns: columns.map(() => [] as number[]) };
  for (const [i, key] of Array.from(keys).entries()) {
    const to = moved(key);
    if (to < 0) continue;
    out.keys.push(to);
    out.columns.forEach((column, c) => column.push((columns[c] as ArrayLike<number>)[i] as number));
  }
  return out;
}

function moveFunction(f: LcovFunction, moved: (line: number) => number): LcovFunction {
  if (f.line === undefined) return f;
  const to = moved(f.line);
  return { name: f.name, line: to < 0 ? undefined : to, hits: f.hits };
}
