import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaValidator from './schemaValidator.generated';
import { err, ok, type Result } from '../../shared/types';

/**
 * Validation against the JSON schema shipped in mutation-testing-report-schema.
 * The schema's `uniqueItems` on each file's mutants is checked by ajv in O(n²) deep compares;
 * `withoutUniqueItems` removes it and `findDuplicateMutant` checks the same rule in O(n)
 * (two mutants can only be identical if their ids are identical).
 * Its `$ref`s to its own definitions (every mutant's and test's location, and their positions) are
 * written out in place (`withInlinedRefs`): ajv compiles a `$ref` whose target holds another
 * `$ref` as a call of its own, building the instance path string (two regex replaces of the file
 * key) and an options object for every mutant; inline, the same checks give the same errors.
 * The validator is ajv's standalone code, generated at build time from this schema with the same
 * ajv and options (schemaValidatorSource.ts, `npm run generate:validator`; a unit test checks it is
 * current): compiling it at run time cost the report worker 30–60 ms of a first load.
 */
function validator(): ValidateFunction {
  return schemaValidator;
}

/** Called by the report worker while a first load's read is in flight: the generated validator needs no compiling, so this only makes sure its module is loaded. */
// Stryker disable next-line BlockStatement: loading sooner changes no result, only when the time is spent (bench row markersReady)
export function prepareValidator(): void {
  validator();
}

export function withoutUniqueItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUniqueItems);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== 'uniqueItems') copy[key] = withoutUniqueItems(inner);
  }
  return copy;
}

const DEFINITION = '#/definitions/';

/**
 * The schema with every `{ "$ref": "#/definitions/x" }` that has no other keyword replaced by
 * definition x (itself inlined). A `$ref` beside other keywords, to elsewhere, to a missing
 * definition, or back to a definition being inlined (recursion) is kept as it is.
 */
export function withInlinedRefs(root: unknown): unknown {
  const definitions = ((root as { definitions?: unknown } | null)?.definitions ?? {}) as Record<string, unknown>;
  const inline = (value: unknown, expanding: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => inline(item, expanding));
    if (value === null || typeof value !== 'object') return value;
    const name = inlinedName(value as Record<string, unknown>, definitions);
    if (name !== undefined && !expanding.includes(name)) return inline(definitions[name], [...expanding, name]);
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = inline(inner, expanding);
    return copy;
  };
  // Stryker disable next-line ArrayDeclaration: the schema has no definition named like Stryker's placeholder
  return inline(root, []);
}

/** The definition a node that is only a `$ref` to `#/definitions/<name>` names, when it exists. */
function inlinedName(node: Record<string, unknown>, definitions: Record<string, unknown>): string | undefined {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(DEFINITION) || Object.keys(node).length !== 1) return undefined;
  const name = ref.slice(DEFINITION.length);
  return Object.prototype.hasOwnProperty.call(definitions, name) ? name : undefined;
}

export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the report' : error.instancePath;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** The one answer for a valid report: nothing to allocate on the way of every load. */
const VALID: Result<void> = Object.freeze(ok(undefined));

export function validateReport(data: unknown): Result<void> {
  const validate = validator();
  if (!validate(data)) {
    const first = validate.errors?.[0];
    return err(first === undefined ? 'does not match the report schema' : describeSchemaError(first));
  }
  const duplicate = findDuplicateMutant(data as { files: Record<string, { mutants: unknown[] }> });
  return duplicate === undefined ? VALID : err(duplicate);
}

/**
 * Indexed loops and one Map, made only for a file with two mutants or more: cheap where the load
 * runs not yet compiled (see normalise.ts), and a small report's load is counted in microseconds.
 */
function findDuplicateMutant(report: { files: Record<string, { mutants: unknown[] }> }): string | undefined {
  const keys = Object.keys(report.files);
  // Every earlier mutant with the same id: two identical mutants may follow a different one with their id.
  let seen: Map<string, unknown[]> | undefined;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const mutants = (report.files[key] as { mutants: { id: string }[] }).mutants;
    // Stryker disable next-line ConditionalExpression: a file of fewer than two mutants has no duplicate; checking it gives the same answer, more slowly
    if (mutants.length < 2) continue;
    // Stryker disable next-line ConditionalExpression: a new Map for every file gives the same answer, more slowly
    if (seen === undefined) seen = new Map<string, unknown[]>();
    else seen.clear();
    for (let i = 0; i < mutants.length; i++) {
      const mutant = mutants[i] as { id: string };
      const before = seen.get(mutant.id);
      if (before === undefined) seen.set(mutant.id, [mutant]);
      else if (before.some((earlier) => sameJson(earlier, mutant))) {
        return `/files/${pointer(key)}/mutants must NOT have duplicate items (mutant ${mutant.id})`;
      } else before.push(mutant);
    }
  }
  return undefined;
}

/**
 * Deep equality of two parsed JSON values (key order ignored, as the schema's uniqueItems means),
 * with an explicit stack: a 100,000-deep value must not overflow the call stack as JSON.stringify does.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const stack: Array<[unknown, unknown]> = [[a, b]];
  for (let pair = stack.pop(); pair !== undefined; pair = stack.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object' || Array.isArray(x) !== Array.isArray(y)) return false;
    const xKeys = Object.keys(x);
    if (xKeys.length !== Object.keys(y).length) return false;
    for (const key of xKeys) {
      if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/** A key as a JSON pointer segment, as ajv writes instance paths. */
function pointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
