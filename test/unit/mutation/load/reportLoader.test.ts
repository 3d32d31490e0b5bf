// ReportLoader with the real worker (built with esbuild into a temporary folder): the same report
// as the in-thread loadReport, merged reloads, generations, a killed worker, priority, suffix keys.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReportLoader, type LoadHooks, type LoadRequest } from '../../../../src/core/mutation/load/reportLoader';
import { classifyReport } from '../../../../src/core/mutation/report/discovery';
import { loadReport } from '../../../../src/core/mutation/report/load';
import { Containment } from '../../../../src/core/shared/containment';
import { isFile } from '../../../../src/core/shared/fileProbe';
import { mutant, SAMPLE, SAMPLE_HTML, SAMPLE_JSON } from '../report/fixtures';
import { buildWorker } from './workerBuild';

let worker: Awaited<ReturnType<typeof buildWorker>>;
const loaders: ReportLoader[] = [];
const roots: string[] = [];

beforeAll(async () => {
  worker = await buildWorker();
});
afterAll(() => worker.remove());
afterEach(() => {
  for (const loader of loaders.splice(0)) loader.dispose();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function loader(log: string[] = []): ReportLoader {
  const made = new ReportLoader({ workerFile: worker.file, log: (line) => log.push(line) });
  loaders.push(made);
  return made;
}

const NO_NAMES: LoadHooks = { findFilesNamed: async () => new Map() };

function request(report: string, folders: readonly string[], overrides: Partial<LoadRequest> = {}): LoadRequest {
  return { candidate: classifyReport(report), workspaceFolders: folders, maxBytes: 64 * 1024 * 1024, priority: [], ...overrides };
}

async function inThread(report: string, folders: readonly string[], findFilesNamed: LoadHooks['findFilesNamed'] = NO_NAMES.findFilesNamed): Promise<unknown> {
  const containment = new Containment(folders);
  return loadReport(classifyReport(report), { workspaceFolders: folders, maxBytes: 64 * 1024 * 1024, exists: (file) => containment.contains(file) && isFile(file), findFilesNamed });
}

/** A workspace with `count` source files and a report of one mutant each; `status(i)` gives file i's mutant's status. */
function workspace(count: number, status: (index: number) => string = () => 'Survived'): { root: string; report: string; file: (index: number) => string; write: (status: (index: number) => string) => void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-loader-')));
  roots.push(root);
  mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
  mkdirSync(path.join(root, 'src'));
  const file = (index: number): string => path.join(root, `src/f${index}.ts`);
  const source = (index: number): string => `const a${index} = b >= c;\n`;
  for (let i = 0; i < count; i++) writeFileSync(file(i), source(i));
  const report = path.join(root, 'reports/mutation/mutation.json');
  const write = (statusOf: (index: number) => string): void => {
    const files = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`src/f${i}.ts`, { language: 'typescript', source: source(i), mutants: [mutant({ id: String(i), status: statusOf(i), location: { start: { line: 1, column: 12 }, end: { line: 1, column: 18 } } })] }]),
    );
    writeFileSync(report, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files }));
  };
  write(status);
  return { root, report, file, write };
}

describe('ReportLoader', () => {
  it('loads the sample project json and html reports as the in-thread loadReport does', async () => {
    const reports = loader();
    for (const report of [SAMPLE_JSON, SAMPLE_HTML]) {
      const result = await reports.load(request(report, [SAMPLE]), NO_NAMES);
      expect(result).toEqual(await inThread(report, [SAMPLE]));
      expect(result.ok && result.value.files.size).toBe(4);
    }
  });

  it('asks the host for files by name when only a suffix match resolves a key, and uses its answer', async () => {
    const { root, report, file } = workspace(1);
    writeFileSync(report, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'C:\\ci\\src\\f0.ts': { language: 'typescript', source: 'const a0 = b >= c;\n', mutants: [mutant()] } } }));
    const asked: string[][] = [];
    const hooks: LoadHooks = {
      findFilesNamed: async (names) => {
        asked.push([...names]);
        return new Map([['f0.ts', [file(0)]]]);
      },
    };
    const result = await loader().load(request(report, [root]), hooks);
    expect(asked).toEqual([['f0.ts']]);
    expect(result.ok && [...result.value.files.keys()]).toEqual([file(0)]);
    expect(result).toEqual(await inThread(report, [root], hooks.findFilesNamed));
  });

  it('fails as the in-thread loader does: gone, too large, not JSON', async () => {
    const { root, report } = workspace(1);
    const reports = loader();
    writeFileSync(report, '{"schemaVersion": ');
    expect(await reports.load(request(report, [root]), NO_NAMES)).toEqual(await inThread(report, [root]));
    expect(await reports.load(request(report, [root], { maxBytes: 10 }), NO_NAMES)).toEqual({ ok: false, error: { kind: 'too-large', message: 'is 0.00 MB, more than the 0.00 MB limit (setting mutantLens.maxReportSizeMB)' } });
    rmSync(report);
    expect(await reports.load(request(report, [root]), NO_NAMES)).toEqual({ ok: false, error: { kind: 'missing', message: 'no longer exists' } });
  });
});
