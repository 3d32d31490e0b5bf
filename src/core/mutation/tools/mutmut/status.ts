import type { MutantStatus } from '../../../shared/types';

/**
 * mutmut's own mapping from a mutant's exit code to its status, copied from mutmut 3.8.1,
 * `mutmut/stats.py` lines 15–36 (`status_by_exit_code`, a defaultdict whose default is
 * "suspicious"). `null` in the `.meta` file is "not checked".
 */
export function mutmutStatusOf(exitCode: number | null): string {
  if (exitCode === null) return 'not checked';
  return MUTMUT_STATUS_BY_EXIT_CODE.get(exitCode) ?? 'suspicious';
}

const MUTMUT_STATUS_BY_EXIT_CODE: ReadonlyMap<number, string> = new Map([
  [1, 'killed'],
  [3, 'killed'],
  [0, 'survived'],
  [5, 'no tests'],
  [2, 'check was interrupted by user'],
  [33, 'no tests'],
  [34, 'skipped'],
  [35, 'suspicious'],
  [36, 'timeout'],
  [37, 'caught by type check'],
  [-24, 'timeout'],
  [24, 'timeout'],
  [152, 'timeout'],
  [255, 'timeout'],
  [-11, 'segfault'],
  [-9, 'segfault'],
]);

/**
 * mutmut's status in the report schema's terms (the table in README). mutmut's own score counts
 * killed and timeout as detected and leaves skipped out; "suspicious" and "segfault" are runs
 * that ended in neither a pass nor a test failure, as the schema's RuntimeError; "not checked"
 * and an interrupted check have no result yet.
 */
const SCHEMA_STATUS: ReadonlyMap<string, MutantStatus> = new Map([
  ['killed', 'Killed'],
  ['survived', 'Survived'],
  ['no tests', 'NoCoverage'],
  ['timeout', 'Timeout'],
  ['caught by type check', 'CompileError'],
  ['suspicious', 'RuntimeError'],
  ['segfault', 'RuntimeError'],
  ['skipped', 'Ignored'],
  ['check was interrupted by user', 'Pending'],
  ['not checked', 'Pending'],
]);

export function schemaStatusOf(mutmutStatus: string): MutantStatus {
  return SCHEMA_STATUS.get(mutmutStatus) ?? 'RuntimeError';
}
