// Every case of the hostile corpus through loadReport, with the exact result; the mutants of the
// cases that load placed in the file on disk and worded as the Problems panel shows them.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesNamedUnder } from './filesNamed';
import { parseLcov } from '../../../src/core/coverage/lcov';
import { mutantMessage } from '../../../src/core/mutation/messages';
import { placeMutants } from '../../../src/core/mutation/remap/placeMutants';
import { classifyReport } from '../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../src/core/mutation/report/load';
import type { LoadedReport } from '../../../src/core/mutation/report/model';
import { splitLines } from '../../../src/core/mutation/remap/lineDiff';
import { cases, expected, LCOV_GARBAGE, prepareCase, reportPath, SIZE_LIMIT_MB, writeCase, type Row } from '../../fixtures/reports/hostile/cases.mjs';
import { CORPUS_CASES } from './figures';

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-hostile-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Workspace files by base name, found without following symbolic links (as a loop must not hang us). */
function filesNamed(names: readonly string[]): Map<string, string[]> {
  return filesNamedUnder(root, names);
}

function summary(report: LoadedReport): unknown {
  return {
    mutants: [...report.files.values()].flatMap((file) => file.mutants.map((m) => [m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character, m.status, m.mutatorName])),
    ignoredKeys: report.ignoredKeys.map((ignored) => [ignored.key, ignored.reason]),
    droppedMutants: report.droppedMutants,
  };
}

/** The rows diagnosticRows() would give for src/a.ts (Survived as Warning, NoCoverage as Information). */
function rows(report: LoadedReport, file: string): Row[] {
  const source = report.files.get(file);
  if (source === undefined) return [];
  const shown = source.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
  return placeMutants(source.source, readFileSync(file, 'utf8'), shown).placed.map(
    (placed): Row => [
      placed.range.start.line,
      placed.range.start.character,
      placed.range.end.line,
      placed.range.end.character,
      placed.mutant.status === 'Survived' ? 'Warning' : 'Information',
      placed.mutant.mutatorName,
      mutantMessage({ ...placed, live: false, file: source, report }, splitLines(source.source)),
    ],
  );
}

describe('the hostile corpus through loadReport', () => {
  it(`has ${CORPUS_CASES} cases with distinct names`, () => {
    expect([cases.length, new Set(cases.map((c) => c.name)).size]).toEqual([CORPUS_CASES, CORPUS_CASES]);
  });

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const dir = path.join(root, testCase.name);
      mkdirSync(dir);
      prepareCase(dir, testCase);
      writeCase(dir, testCase);
      const want = expected(dir, testCase);
      const result = await loadReport(classifyReport(reportPath(dir, testCase)), {
        workspaceFolders: [root],
        exists: existsSync,
        findFilesNamed: async (names) => filesNamed(names),
        maxBytes: SIZE_LIMIT_MB * 1024 * 1024,
      });
      if (result.ok) {
        expect(summary(result.value)).toEqual(want.load);
        expect(rows(result.value, path.join(dir, 'src/a.ts'))).toEqual(want.rows);
      } else {
        expect({ error: result.error }).toEqual(want.load);
      }
      if (testCase.name.startsWith('too-large')) rmSync(reportPath(dir, testCase));
    });
  }
});

describe('lcov with garbage lines', () => {
  it('keeps the records and counts each garbage line', () => {
    const result = parseLcov(LCOV_GARBAGE);
    expect(result.ok && { ignored: result.value.ignoredLines, files: result.value.files.map((f) => ({ path: f.path, lines: [...f.lines], hits: [...f.hits] })) }).toEqual({
      ignored: 6,
      files: [{ path: 'src/a.ts', lines: [0, 1], hits: [3, 0] }],
    });
  });
});
