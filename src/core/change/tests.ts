/**
 * From a mutant to its tests: the report's tests that kill it (`killedBy`) and that cover it
 * (`coveredBy`), each with where it is: the report's `location` when it has one, else the first
 * line of the test file that contains the test's name, else the file's first line.
 */
import * as path from 'node:path';
import type { LoadedReport, ReportMutant } from '../mutation/report/model';
import { isAbsoluteKey, normaliseKey } from '../mutation/report/resolveKeys';
import type { Position } from '../shared/types';

export interface MutantTest {
  readonly id: string;
  readonly name: string;
  /** True when the test killed the mutant; false when it only covers it. */
  readonly kills: boolean;
  /** Absolute path of the test file; undefined when the report does not say. */
  readonly file: string | undefined;
  /** The report's location of the test (0-based), when it has one. */
  readonly location: Position | undefined;
}

/** The killing tests first, then the covering ones, each once, in the report's order. */
export function testsOfMutant(mutant: Pick<ReportMutant, 'killedBy' | 'coveredBy'>, report: Pick<LoadedReport, 'tests' | 'packageDir'>): MutantTest[] {
  const result: MutantTest[] = [];
  const seen = new Set<string>();
  const add = (id: string, kills: boolean): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const test = report.tests.get(id);
    if (test === undefined) return;
    result.push({ id, name: test.name, kills, file: test.file === undefined ? undefined : testFilePath(report.packageDir, test.file), location: test.location });
  };
  // Stryker disable next-line ArrayDeclaration: an id adds a test only when the report defines it, so the placeholder id Stryker puts in shows only in a report with a test of that id
  for (const id of mutant.killedBy ?? []) add(id, true);
  // Stryker disable next-line ArrayDeclaration: as above
  for (const id of mutant.coveredBy ?? []) add(id, false);
  return result;
}

export function testFilePath(packageDir: string, key: string): string {
  const normal = normaliseKey(key);
  return isAbsoluteKey(normal) ? path.normalize(normal) : path.resolve(packageDir, normal);
}

/**
 * Where to open a test: its location, else the first line containing its name (0-based), else
 * line 0. Runners join suite and test titles into the name ("bulkPercent gives nothing…" for
 * `it('gives nothing…')` inside `describe('bulkPercent')`), so when the whole name is nowhere,
 * its leading words are dropped one by one, down to the last two words.
 */
export function testPosition(test: Pick<MutantTest, 'name' | 'location'>, fileText: string | undefined): Position {
  if (test.location !== undefined) return test.location;
  if (fileText === undefined || test.name.trim() === '') return { line: 0, character: 0 };
  const lines = fileText.split(/\r\n|\r|\n/);
  const words = test.name.trim().split(/\s+/);
  for (let first = 0; first === 0 || first <= words.length - 2; first++) {
    const name = first === 0 ? test.name : words.slice(first).join(' ');
    const line = lines.findIndex((text) => text.includes(name));
    if (line >= 0) return { line, character: (lines[line] as string).indexOf(name) };
  }
  return { line: 0, character: 0 };
}
