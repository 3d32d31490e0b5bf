import type { LoadedReport, ReportMutant, ReportSourceFile, ReportTool } from '../../../../src/core/mutation/report/model';
import type { ShownMutantDetail } from '../../../../src/core/mutation/shown';
import type { MutantStatus, Range } from '../../../../src/core/shared/types';

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export interface DetailSpec {
  readonly source?: string;
  readonly range?: Range;
  readonly currentRange?: Range;
  readonly id?: string;
  readonly mutatorName?: string;
  readonly replacement?: string | undefined;
  readonly status?: MutantStatus;
  readonly statusReason?: string;
  readonly description?: string;
  readonly coveredBy?: readonly string[];
  readonly stale?: boolean;
  readonly tool?: ReportTool;
  readonly language?: string;
  readonly tests?: Readonly<Record<string, string>>;
  readonly path?: string;
}

export const CART = '/ws/src/cart.ts';
export const REPORT = '/ws/reports/mutation/mutation.json';
export const CART_SOURCE = 'export function bulkPercent(quantity: number): number {\n  if (quantity >= 100) return 15;\n  return 0;\n}\n';

/** A shown mutant with defaults: a surviving EqualityOperator `>=` → `>` on line 1 of CART_SOURCE. */
export function detail(spec: DetailSpec = {}): ShownMutantDetail {
  const mutantRange = spec.range ?? range(1, 6, 1, 21);
  const mutant: ReportMutant = {
    id: spec.id ?? '7',
    mutatorName: spec.mutatorName ?? 'EqualityOperator',
    replacement: 'replacement' in spec ? spec.replacement : 'quantity > 100',
    description: spec.description,
    status: spec.status ?? 'Survived',
    statusReason: spec.statusReason,
    range: mutantRange,
    coveredBy: spec.coveredBy,
    killedBy: undefined,
    isStatic: false,
  };
  const file: ReportSourceFile = {
    path: spec.path ?? CART,
    key: 'src/cart.ts',
    language: spec.language ?? 'typescript',
    source: spec.source ?? CART_SOURCE,
    mutants: [mutant],
  };
  const tests = new Map(Object.entries(spec.tests ?? {}).map(([id, name]) => [id, { id, name, file: undefined }]));
  const report: LoadedReport = {
    path: REPORT,
    tool: spec.tool ?? 'stryker-js',
    thresholds: { high: 80, low: 60, break: undefined },
    files: new Map([[file.path, file]]),
    tests,
    ignoredKeys: [],
    droppedMutants: 0,
    packageDir: '/ws',
  };
  return { mutant, range: spec.currentRange ?? mutantRange, stale: spec.stale ?? false, live: false, file, report };
}
