import type { ShownMutantDetail } from '../shown';
import { isMutantRef, type MutantRef } from './links';
import { applyMutant } from './mutation';
import { clipEnd, oneLine } from './text';

/** The two read-only documents of the mutant diff view: the report's source, and it with the mutant applied. */
export type DiffSide = 'original' | 'mutated';

export interface DiffDocumentKey {
  readonly ref: MutantRef;
  readonly side: DiffSide;
}

/** The URI query naming one side of one mutant's diff. */
export function encodeDiffQuery(key: DiffDocumentKey): string {
  return JSON.stringify({ ref: key.ref, side: key.side });
}

export function decodeDiffQuery(query: string): DiffDocumentKey | undefined {
  try {
    const value: unknown = JSON.parse(query);
    if (typeof value !== 'object' || value === null) return undefined;
    const { ref, side } = value as Record<string, unknown>;
    if (!isMutantRef(ref) || (side !== 'original' && side !== 'mutated')) return undefined;
    return { ref: { path: ref.path, report: ref.report, id: ref.id }, side };
  } catch {
    return undefined;
  }
}

/** The text of one side: the embedded source, or the source with this one mutant applied. */
export function diffDocumentText(detail: ShownMutantDetail, side: DiffSide): string {
  const { source } = detail.file;
  const replacement = detail.mutant.replacement;
  return side === 'original' || replacement === undefined ? source : applyMutant(source, detail.mutant.range, replacement);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The diff editor's title, e.g. `cart.ts: ConditionalExpression (Survived)`. */
export function diffTitle(detail: ShownMutantDetail): string {
  const mutator = clipEnd(oneLine(detail.mutant.mutatorName), 80);
  return `${baseName(detail.file.path)}: ${mutator} (${detail.mutant.status})`;
}

/** The shown mutant a reference names, if it is still shown. */
export function findMutant(shown: readonly ShownMutantDetail[], ref: MutantRef): ShownMutantDetail | undefined {
  return shown.find((d) => d.report.path === ref.report && d.mutant.id === ref.id);
}
