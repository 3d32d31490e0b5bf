/**
 * A merge-request comment: a table per gate, the uncovered lines, and each survivor's diff in a
 * collapsible block. Report text is escaped (no markup, links, mentions or HTML from a report).
 */
import { formatPercent, lineRanges, type GateResult, type Survivor } from '../result';
import { byFile } from './text';
import { visible } from '../../shared/sanitize';
import { oneLine } from './plain';

/** Report text inside markdown prose or a table cell: every character markdown or HTML gives a meaning. */
export function escapeMarkdown(text: string): string {
  return oneLine(text, 200)
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** A fenced block that the text cannot close: the fence is longer than any backtick run inside. */
export function fence(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const bar = '`'.repeat(Math.max(3, longest + 1));
  return `${bar}${info}\n${text}\n${bar}`;
}

export function formatMarkdown(result: GateResult): string {
  const s = result.summary;
  const out = [`### Mutant Lens: ${result.status === 'pass' ? '✅ pass' : '❌ fail'}`, '', `Changed lines against \`${escapeMarkdown(result.base)}\` (merge base \`${result.mergeBase.slice(0, 12)}\`).`, ''];
  out.push('| gate | measured | floor | result |', '|---|---|---|---|');
  out.push(`| patch coverage | ${s.coveredChangedLines}/${s.changedLines} lines ran (${formatPercent(s.patchCoverage)}) | ${floor(result, 'patch-coverage')} |`);
  out.push(`| patch mutation score | ${s.detected}/${s.mutants} mutants caught (${formatPercent(s.patchMutationScore)}) | ${floor(result, 'patch-mutation-score')} |`);
  if (s.stale > 0 || s.newSurvivors !== null) out.push('', [s.stale > 0 ? `${s.stale} mutants not tested since the change.` : '', s.newSurvivors === null ? '' : `${s.newSurvivors} new survivors since the base.`].filter((x) => x !== '').join(' '));
  const uncovered = result.uncovered.filter((u) => u.kind === 'uncovered');
  if (uncovered.length > 0) {
    out.push('', `#### Changed lines that never ran (${uncovered.length})`, '', '| file | lines |', '|---|---|');
    for (const [file, lines] of byFile(uncovered)) out.push(`| ${escapeMarkdown(file)} | ${lineRanges(lines)} |`);
  }
  if (result.survivors.length > 0) {
    out.push('', `#### Mutants on changed lines that no test caught (${result.survivors.length})`, '', '| where | mutator | status |', '|---|---|---|');
    for (const m of result.survivors) out.push(`| ${escapeMarkdown(m.file)}:${m.line}:${m.column} | ${escapeMarkdown(m.mutator)} | ${m.status}${m.new === true ? ' (new)' : ''} |`);
    out.push('', '<details><summary>Diffs</summary>', '');
    for (const m of result.survivors) out.push(`${escapeMarkdown(m.file)}:${m.line}:${m.column} ${escapeMarkdown(m.mutator)}`, '', fence(diffOf(m), 'diff'), '');
    out.push('</details>');
  }
  return `${out.join('\n')}\n`;
}

function floor(result: GateResult, name: 'patch-coverage' | 'patch-mutation-score'): string {
  const g = result.gates.find((x) => x.name === name);
  return g === undefined ? '– | –' : `${g.min}% | ${g.passed ? '✅' : '❌'}`;
}

function diffOf(m: Survivor): string {
  if (m.replacement === null) return `# ${visible(m.description ?? m.mutator)}`;
  // Inside the fence nothing renders, but bidi and zero-width characters would still reorder or hide code: named instead.
  const lines = (text: string, sign: string): string[] => visible(text).split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => `${sign} ${line}`);
  return [...lines(m.original, '-'), ...lines(m.replacement, '+')].join('\n');
}
