import type { LoadedReport } from '../report/model';
import type { ShownMutantDetail } from '../shown';
import { canDisableWithComment } from './disableComment';
import { diffBlock } from './diffBlock';
import { COMMAND_DISABLE_MUTANT, COMMAND_OPEN_MUTANT_DIFF, COMMAND_RERUN_FILE, commandLink, type MutantRef } from './links';
import { clipEnd, markdownText, oneLine } from './text';

/** Caps that keep a hover short whatever the report holds. */
export const HOVER_LIMITS = { mutants: 8, testNames: 5, nameLength: 120, reasonLength: 300 } as const;

export const STALE_NOTE = '_The code changed since the report was made: the diff shows the code as the report saw it._';

export interface HoverOptions {
  /** Arguments of the rerun command's link, or undefined when that command is not registered. */
  readonly rerunArgs: readonly unknown[] | undefined;
}

export function mutantRef(detail: ShownMutantDetail): MutantRef {
  return { path: detail.file.path, report: detail.report.path, id: detail.mutant.id };
}

/** Untrusted text clipped to `max` and escaped. */
function literal(text: string, max: number): string {
  return markdownText(clipEnd(oneLine(text), max));
}

export function testName(report: LoadedReport, id: string): string {
  return report.tests.get(id)?.name ?? id;
}

/** "Covered by N tests:" and up to five names as a list; nothing when the report has no per-test coverage. */
function coverage(detail: ShownMutantDetail): string | undefined {
  const ids = detail.mutant.coveredBy;
  if (ids === undefined) return undefined;
  if (ids.length === 0) return 'No test covers it.';
  const heading = `Covered by ${ids.length} ${ids.length === 1 ? 'test' : 'tests'}:`;
  const names = ids.slice(0, HOVER_LIMITS.testNames).map((id) => `- ${literal(testName(detail.report, id), HOVER_LIMITS.nameLength)}`);
  const more = ids.length - names.length;
  if (more > 0) names.push(`- and ${more} more`);
  return `${heading}\n\n${names.join('\n')}`;
}

function links(detail: ShownMutantDetail, options: HoverOptions): string | undefined {
  const ref = [mutantRef(detail)];
  const shown: string[] = [];
  if (detail.mutant.replacement !== undefined) shown.push(commandLink('Open diff', COMMAND_OPEN_MUTANT_DIFF, ref));
  if (options.rerunArgs !== undefined) shown.push(commandLink('Rerun this file', COMMAND_RERUN_FILE, options.rerunArgs));
  if (canDisableWithComment(detail)) shown.push(commandLink('Disable with comment', COMMAND_DISABLE_MUTANT, ref));
  return shown.length === 0 ? undefined : shown.join(' · ');
}

/** The markdown describing one mutant; every string from the report appears as literal text. */
export function mutantMarkdown(detail: ShownMutantDetail, options: HoverOptions): string {
  const { mutant } = detail;
  // Without a replacement a description (pitest's "negated conditional") says what the mutant does: it takes the diff's place.
  const described = mutant.replacement === undefined && mutant.description !== undefined && mutant.description !== '';
  const parts: (string | undefined)[] = [
    `**${literal(mutant.status, 40)}** · ${literal(mutant.mutatorName, HOVER_LIMITS.nameLength)}`,
    described ? undefined : diffBlock(detail.file.source, mutant.range, mutant.replacement),
    mutant.replacement === undefined && !described ? 'The report gives no replacement text.' : undefined,
    mutant.statusReason ? `Reason: ${literal(mutant.statusReason, HOVER_LIMITS.reasonLength)}` : undefined,
    mutant.description ? `Description: ${literal(mutant.description, HOVER_LIMITS.reasonLength)}` : undefined,
    coverage(detail),
    detail.stale ? STALE_NOTE : undefined,
    links(detail, options),
  ];
  return parts.filter((p): p is string => p !== undefined).join('\n\n');
}

/** One markdown section per mutant (the caller orders them), at most eight, then a count of the rest. */
export function hoverSections(details: readonly ShownMutantDetail[], options: HoverOptions): readonly string[] {
  const sections = details.slice(0, HOVER_LIMITS.mutants).map((d) => mutantMarkdown(d, options));
  const more = details.length - sections.length;
  if (more > 0) sections.push(`and ${more} more ${more === 1 ? 'mutant' : 'mutants'} here`);
  return sections;
}
