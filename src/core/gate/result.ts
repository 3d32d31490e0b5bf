/**
 * What `mutant-lens check` found, as plain data: the gates, the totals, per file, each uncovered
 * changed line and each surviving mutant on a changed line. Lines and columns are 1-based here
 * (as CI systems and the mutation report write them); paths are relative to the repository root
 * with `/` separators. Every format renders this one value.
 */
export interface GateCheck {
  readonly name: 'patch-coverage' | 'patch-mutation-score';
  /** The floor asked for, in percent. */
  readonly min: number;
  /** The measured percentage; null when nothing was measured (the gate then passes). */
  readonly actual: number | null;
  readonly passed: boolean;
}

export interface GateTotals {
  readonly changedLines: number;
  readonly coveredChangedLines: number;
  /** Percent; null when no changed line is executable (or no lcov file knows the changed files). */
  readonly patchCoverage: number | null;
  readonly mutants: number;
  readonly detected: number;
  readonly undetected: number;
  /** Percent; null when the change has no valid mutant. */
  readonly patchMutationScore: number | null;
  /** Change mutants whose code changed since the report: not counted. */
  readonly stale: number;
  /** Survivors not in the base's report; null when no base report was found. */
  readonly newSurvivors: number | null;
}

export interface GateFile extends GateTotals {
  readonly file: string;
}

export interface UncoveredLine {
  readonly file: string;
  readonly line: number;
  /** `uncovered`: lcov says the line never ran; `no-coverage-data`: no lcov file knows the file. */
  readonly kind: 'uncovered' | 'no-coverage-data';
}

export interface Survivor {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** End of the mutated code, exclusive, as in the mutation report. */
  readonly endLine: number;
  readonly endColumn: number;
  readonly mutator: string;
  readonly replacement: string | null;
  /** The code the mutant replaced (for diffs); not in the JSON output. */
  readonly original: string;
  readonly status: 'Survived' | 'NoCoverage';
  /** New since the base's report; null when no base report was found. */
  readonly new: boolean | null;
  readonly description: string | null;
}

export interface GateResult {
  readonly status: 'pass' | 'fail';
  /** The base as asked or chosen (e.g. `origin/main`). */
  readonly base: string;
  /** The merge base commit the change is measured from. */
  readonly mergeBase: string;
  readonly gates: readonly GateCheck[];
  readonly summary: GateTotals;
  readonly files: readonly GateFile[];
  readonly uncovered: readonly UncoveredLine[];
  readonly survivors: readonly Survivor[];
  /** Problems met on the way that did not stop the check (one line each). */
  readonly notes: readonly string[];
}

/** Checks the floors; a gate with nothing measured passes. */
export function checkGates(summary: GateTotals, floors: { readonly minPatchCoverage: number | undefined; readonly minPatchMutationScore: number | undefined }): GateCheck[] {
  const gates: GateCheck[] = [];
  if (floors.minPatchCoverage !== undefined) gates.push(gate('patch-coverage', floors.minPatchCoverage, summary.patchCoverage));
  if (floors.minPatchMutationScore !== undefined) gates.push(gate('patch-mutation-score', floors.minPatchMutationScore, summary.patchMutationScore));
  return gates;
}

function gate(name: GateCheck['name'], min: number, actual: number | null): GateCheck {
  return { name, min, actual, passed: actual === null || actual >= min };
}

export function statusOf(gates: readonly GateCheck[]): 'pass' | 'fail' {
  return gates.every((g) => g.passed) ? 'pass' : 'fail';
}

/** A percentage for people: two decimals, as the mutation report shows scores; `n/a` for null. */
export function formatPercent(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}%`;
}

/** Lines as ranges: [3,4,5,9] → `3-5, 9`. */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    // Past the end lines[j + 1] is undefined, which equals no number: no separate bound needed.
    while (lines[j + 1] === (lines[j] as number) + 1) j++;
    parts.push(j === i ? String(lines[i]) : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
