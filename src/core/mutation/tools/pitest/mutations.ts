/**
 * pitest's own `mutations.xml` (the XML output format, `outputFormats` XML): one `<mutation
 * detected status numberOfTestsRun>` per mutant with `sourceFile`, `mutatedClass`, `mutatedMethod`,
 * `lineNumber`, `mutator`, `killingTest` (or `killingTests`, `|`-separated, with the full matrix)
 * and `description`. pitest places a mutant on a line only: the whole line is the mutant's range,
 * and it has no replacement text (its description says what changed).
 */
import type { MutantStatus } from '../../../shared/types';
import type { Placement, ToolMutant } from '../toolReport';
import { childText, type XmlElement } from './xml';

/** pitest's DetectionStatus to the schema's statuses. */
export const PITEST_STATUS: Readonly<Record<string, MutantStatus>> = {
  KILLED: 'Killed',
  SURVIVED: 'Survived',
  NO_COVERAGE: 'NoCoverage',
  TIMED_OUT: 'Timeout',
  NON_VIABLE: 'CompileError',
  MEMORY_ERROR: 'RuntimeError',
  RUN_ERROR: 'RuntimeError',
  NOT_STARTED: 'Pending',
  STARTED: 'Pending',
};

export interface PitestMutants {
  readonly mutants: readonly ToolMutant[];
  readonly malformed: readonly string[];
  readonly tests: readonly string[];
}

/** The mutants of a parsed mutations.xml; undefined when its root is not `<mutations>`. */
export function pitestMutantsOf(root: XmlElement): PitestMutants | undefined {
  if (root.name !== 'mutations') return undefined;
  const mutants: ToolMutant[] = [];
  const malformed: string[] = [];
  const tests = new Set<string>();
  root.children.forEach((element, index) => {
    const mutant = element.name === 'mutation' ? mutantOf(element, index) : undefined;
    if (mutant === undefined) malformed.push(`mutations.xml element ${index + 1} (not a pitest mutation)`);
    else {
      mutants.push(mutant);
      for (const test of mutant.killedBy ?? []) tests.add(test);
    }
  });
  return { mutants, malformed, tests: [...tests] };
}

function mutantOf(element: XmlElement, index: number): ToolMutant | undefined {
  const sourceFile = childText(element, 'sourceFile');
  const mutatedClass = childText(element, 'mutatedClass');
  const line = Number(childText(element, 'lineNumber'));
  const mutator = childText(element, 'mutator');
  const statusName = element.attributes.get('status') ?? '';
  const status = Object.hasOwn(PITEST_STATUS, statusName) ? PITEST_STATUS[statusName] : undefined;
  if (sourceFile === undefined || sourceFile === '' || mutatedClass === undefined || mutator === undefined || mutator === '' || status === undefined) return undefined;
  if (!Number.isInteger(line) || line < 1) return undefined;
  const description = childText(element, 'description');
  const killedBy = killingTests(element);
  const mutatorName = mutator.slice(mutator.lastIndexOf('.') + 1);
  const method = childText(element, 'mutatedMethod') ?? '';
  return {
    key: keyOf(mutatedClass, sourceFile),
    id: String(index + 1),
    mutatorName,
    replacement: undefined,
    description: description === '' ? undefined : description,
    status,
    statusReason: undefined,
    killedBy,
    label: `${mutatedClass}.${method} line ${line}: ${mutatorName}`,
    place: (_source, lines) => wholeLine(lines, line),
  };
}

/** `com.example.Cart` + `Cart.java` → `com/example/Cart.java` (a nested class `Cart$Item` lives in the same file). */
export function keyOf(mutatedClass: string, sourceFile: string): string {
  const lastDot = mutatedClass.lastIndexOf('.');
  return lastDot < 0 ? sourceFile : `${mutatedClass.slice(0, lastDot).split('.').join('/')}/${sourceFile}`;
}

function killingTests(element: XmlElement): readonly string[] | undefined {
  const single = childText(element, 'killingTest');
  const many = childText(element, 'killingTests');
  const names = [single, ...(many ?? '').split('|')].filter((name): name is string => name !== undefined && name !== '');
  return names.length === 0 ? undefined : [...new Set(names)];
}

/** The line's text from its first non-blank character to its end; a line beyond the file, or blank, cannot hold a mutant. */
export function wholeLine(lines: readonly string[], line: number): Placement {
  const text = lines[line - 1];
  if (text === undefined) return { unplaced: `line ${line} is beyond the end of the file` };
  const first = text.search(/\S/);
  if (first < 0) return { unplaced: `line ${line} is blank` };
  const last = text.trimEnd().length;
  return { location: { start: { line, column: first + 1 }, end: { line, column: last + 1 } } };
}
