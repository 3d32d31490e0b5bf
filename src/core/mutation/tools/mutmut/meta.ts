import { err, ok, type Result } from '../../../shared/types';
import { parseJson, type ReportProblem } from '../../report/parse';

/** One mutant of a `.meta` file: mutmut's full name and its exit code (`null`: not checked). */
export interface MetaMutant {
  readonly name: string;
  readonly exitCode: number | null;
}

/**
 * Parses the `.meta` JSON mutmut 3 writes next to each mutated file (`mutants/<file>.meta`):
 * `{"exit_code_by_key": {"<module>.x_<function>__mutmut_<n>": <exit code or null>, ...}, ...}`.
 * mutmut rewrites it in place after each mutant, so an empty or cut-off text is `incomplete`.
 */
export function parseMeta(text: string): Result<MetaMutant[], ReportProblem> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const codes = isRecord(parsed.value) ? parsed.value['exit_code_by_key'] : undefined;
  if (!isRecord(codes)) return err({ kind: 'schema', message: 'is not a mutmut .meta file: no "exit_code_by_key" object' });
  const mutants: MetaMutant[] = [];
  for (const [name, code] of Object.entries(codes)) {
    if (code !== null && !Number.isInteger(code)) return err({ kind: 'schema', message: `is not a mutmut .meta file: the exit code of "${name}" is not an integer` });
    if (!MUTANT_NAME.test(name)) return err({ kind: 'schema', message: `is not a mutmut .meta file: "${name}" is not a mutmut mutant name` });
    mutants.push({ name, exitCode: code as number | null });
  }
  return ok(mutants);
}

/** `module.x_function__mutmut_3` or `module.xǁClassǁmethod__mutmut_3` (mutmut's `mangle_function_name`). */
const MUTANT_NAME = /^(?:[^.\s]+\.)*x(?:_[^.\sǁ]+|ǁ[^.\sǁ]+ǁ[^.\sǁ]+)__mutmut_\d+$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
