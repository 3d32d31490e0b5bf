/**
 * Numbers where the schema asks for strings, in reports the official viewer (mutation-testing-elements)
 * shows all the same: an older Stryker.NET writes numeric mutant ids, Infection a numeric
 * `schemaVersion`. They are turned into strings before validation; nothing else is changed.
 */
export interface Normalised {
  /** How many mutant ids were numbers. */
  readonly mutantIds: number;
  /** The numeric schemaVersion, when it was one. */
  readonly schemaVersion: number | undefined;
}

/** Rewrites numeric mutant ids and a numeric schemaVersion of parsed JSON as strings, in place. */
export function normaliseNumbers(data: unknown): Normalised {
  // A primitive has neither field (reading one gives undefined); only null needs keeping out.
  const report = (data ?? {}) as Record<string, unknown>;
  const version = report.schemaVersion;
  const schemaVersion = typeof version === 'number' ? version : undefined;
  if (schemaVersion !== undefined) report.schemaVersion = String(schemaVersion);
  return { mutantIds: normaliseMutantIds(report.files), schemaVersion };
}

/**
 * Indexed loops over Object.keys, not entry arrays nor for-of: the load mostly runs before V8
 * optimises it, where an iterator costs on every step.
 */
function normaliseMutantIds(files: unknown): number {
  const byKey = (files ?? {}) as Record<string, unknown>;
  const keys = Object.keys(byKey);
  let count = 0;
  // Stryker disable next-line EqualityOperator: a step past the end reads undefined, which the loop skips
  for (let k = 0; k < keys.length; k++) {
    const mutants = (byKey[keys[k] as string] as { mutants?: unknown } | null)?.mutants;
    if (!Array.isArray(mutants)) continue;
    // Stryker disable next-line EqualityOperator: a step past the end reads undefined, which the loop skips
    for (let i = 0; i < mutants.length; i++) {
      const mutant = mutants[i] as Record<string, unknown> | null;
      const id = mutant?.id;
      if (typeof id !== 'number') continue;
      (mutant as Record<string, unknown>).id = String(id);
      count++;
    }
  }
  return count;
}

/** The one log sentence for what was normalised; undefined when nothing was. */
export function describeNormalised(normalised: Normalised): string | undefined {
  if (normalised.mutantIds === 0 && normalised.schemaVersion === undefined) return undefined;
  const parts: string[] = [];
  if (normalised.mutantIds > 0) parts.push(`${normalised.mutantIds} numeric mutant ${normalised.mutantIds === 1 ? 'id' : 'ids'}`);
  if (normalised.schemaVersion !== undefined) parts.push(`the numeric schemaVersion ${normalised.schemaVersion}`);
  return `read ${parts.join(' and ')} as strings (the schema asks for strings; the official report viewer shows such reports)`;
}
