// Every case of the hostile corpus through the real report worker: the same result as the
// in-thread loadReport (same outcome, same messages), and the same counts the host logs.
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesNamedUnder } from '../../robustness/filesNamed';
import { ReportLoader, type LoadFacts } from '../../../../src/core/mutation/load/reportLoader';
import { insideText } from '../../../../src/core/mutation/remap/placeMutants';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../src/core/mutation/report/load';
import { sourceLines } from '../../../../src/core/mutation/sourceLines';
import { Containment } from '../../../../src/core/shared/containment';
import { isFile } from '../../../../src/core/shared/fileProbe';
import { cases, prepareCase, reportPath, SIZE_LIMIT_MB, writeCase } from '../../../fixtures/reports/hostile/cases.mjs';
import { buildWorker } from './workerBuild';

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-hostile-worker-')));
let worker: Awaited<ReturnType<typeof buildWorker>>;
let loader: ReportLoader;
const log: string[] = [];

beforeAll(async () => {
  worker = await buildWorker();
  loader = new ReportLoader({ workerFile: worker.file, log: (line) => log.push(line) });
});
afterAll(() => {
  loader.dispose();
  worker.remove();
  rmSync(root, { recursive: true, force: true });
});

function filesNamed(names: readonly string[]): Map<string, string[]> {
  return filesNamedUnder(root, names);
}

describe('the hostile corpus through the report worker', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const dir = path.join(root, testCase.name);
      mkdirSync(dir);
      prepareCase(dir, testCase);
      writeCase(dir, testCase);
      const file = reportPath(dir, testCase);
      const maxBytes = SIZE_LIMIT_MB * 1024 * 1024;
      const facts: LoadFacts[] = [];
      const result = await loader.load(
        { candidate: classifyReport(file), workspaceFolders: [root], maxBytes, priority: [] },
        { findFilesNamed: async (names) => filesNamed(names), onFacts: (counted) => facts.push(counted) },
      );
      const containment = new Containment([root]);
      const want = await loadReport(classifyReport(file), { workspaceFolders: [root], maxBytes, exists: (f) => containment.contains(f) && isFile(f), findFilesNamed: async (names) => filesNamed(names) });
      expect(result).toEqual(want);
      const files = want.ok ? [...want.value.files.values()] : [];
      expect(facts).toEqual([
        {
          mutants: files.reduce((sum, f) => sum + f.mutants.length, 0),
          mutantsOutsideSource: files.reduce((sum, f) => sum + f.mutants.filter((m) => !insideText(m.range, sourceLines(f))).length, 0),
          changedFiles: files.length,
          outside: containment.takeOutside(),
        },
      ]);
      expect(log).toEqual([]);
      if (testCase.name.startsWith('too-large')) rmSync(file);
    });
  }
});
