import { formatPercent, lineRanges, type GateCheck, type GateResult } from '../result';
import { oneLine, survivorMessage } from './plain';

/** A short summary for people: the gates, then the uncovered lines and the survivors per file. */
export function formatText(result: GateResult): string {
  const s = result.summary;
  const out = [`mutant-lens check: ${result.status.toUpperCase()} against ${oneLine(result.base)} (merge base ${result.mergeBase.slice(0, 12)})`];
  out.push(`Patch coverage: ${s.coveredChangedLines}/${s.changedLines} changed lines ran (${formatPercent(s.patchCoverage)})${gateNote(result.gates, 'patch-coverage')}`);
  const stale = s.stale > 0 ? `; ${s.stale} not tested since the change` : '';
  const fresh = s.newSurvivors === null ? '' : `; ${s.newSurvivors} new since the base`;
  out.push(`Patch mutation score: ${s.detected}/${s.mutants} mutants caught (${formatPercent(s.patchMutationScore)})${gateNote(result.gates, 'patch-mutation-score')}${stale}${fresh}`);
  const uncovered = result.uncovered.filter((u) => u.kind === 'uncovered');
  if (uncovered.length > 0) {
    out.push(`Changed lines that never ran (${uncovered.length}):`);
    for (const [file, lines] of byFile(uncovered)) out.push(`  ${oneLine(file, 200)}: ${lineRanges(lines)}`);
  }
  const unknown = result.uncovered.filter((u) => u.kind === 'no-coverage-data');
  if (unknown.length > 0) out.push(`Changed files no lcov file knows: ${[...byFile(unknown).keys()].map((f) => oneLine(f, 200)).join(', ')}`);
  if (result.survivors.length > 0) {
    out.push(`Mutants on changed lines that no test caught (${result.survivors.length}):`);
    for (const m of result.survivors) out.push(`  ${oneLine(m.file, 200)}:${m.line}:${m.column} ${survivorMessage(m)}${m.new === true ? ' (new)' : ''}`);
  }
  for (const note of result.notes) out.push(`Note: ${oneLine(note, 300)}`);
  return `${out.join('\n')}\n`;
}

function gateNote(gates: readonly GateCheck[], name: GateCheck['name']): string {
  const g = gates.find((x) => x.name === name);
  return g === undefined ? '' : `, floor ${g.min}%: ${g.passed ? 'pass' : 'FAIL'}`;
}

export function byFile<T extends { readonly file: string; readonly line: number }>(items: readonly T[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const item of items) {
    const lines = map.get(item.file) ?? [];
    lines.push(item.line);
    map.set(item.file, lines);
  }
  return map;
}
