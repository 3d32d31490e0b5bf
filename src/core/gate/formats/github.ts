/**
 * GitHub Actions workflow commands, one per uncovered line and per survivor, so they show inline
 * in the pull request. Report text is escaped as GitHub documents (`%`, CR, LF in the message;
 * also `:` and `,` in properties), so it cannot end the command or start another.
 */
import type { GateResult } from '../result';
import { formatText } from './text';
import { oneLine, survivorMessage } from './plain';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A line that would read as a workflow command, indented so that it is not one. */
// Stryker disable next-line ArrowFunction,StringLiteral: a defence only: formatText starts every line with fixed words, never with ::
const notACommand = (line: string): string => ` ${line}`;

export function formatGithub(result: GateResult): string {
  const out: string[] = [];
  for (const u of result.uncovered) {
    if (u.kind !== 'uncovered') continue;
    out.push(`::warning file=${escapeProperty(u.file)},line=${u.line},endLine=${u.line},title=${escapeProperty('Changed line never ran')}::${escapeData(`Line ${u.line} changed and no test ran it.`)}`);
  }
  for (const m of result.survivors) {
    const props = `file=${escapeProperty(m.file)},line=${m.line},endLine=${m.endLine},col=${m.column},endColumn=${m.endColumn},title=${escapeProperty(`Mutant not caught: ${oneLine(m.mutator, 60)}`)}`;
    out.push(`::warning ${props}::${escapeData(survivorMessage(m))}`);
  }
  const failed = result.gates.filter((g) => !g.passed);
  for (const g of failed) out.push(`::error title=${escapeProperty('Mutant Lens gate')}::${escapeData(`${g.name} ${g.actual === null ? 'n/a' : g.actual.toFixed(2)}% is under the floor of ${g.min}%`)}`);
  // The human summary in the log too (each line escaped: it is data, not a command).
  for (const line of formatText(result).trimEnd().split('\n')) out.push(line.startsWith('::') ? notACommand(line) : line);
  return `${out.join('\n')}\n`;
}
