// ReportLoader with the real worker (built with esbuild into a temporary folder): the same report
// as the in-thread loadReport, merged reloads, generations, a killed worker, priority, suffix keys.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseBaseIndex } from '../../../../src/core/change/baseMatch';
import { readLcovFile } from '../../../../src/core/coverage/readLcovText';
import { changedFiles, ReportLoader, type LoadHooks, type LoadRequest } from '../../../../src/core/mutation/load/reportLoader';
import type { LoadedReport } from '../../../../src/core/mutation/report/model';
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

/** One file per batch unless told otherwise, so that order and generations show. */
function loader(log: string[] = [], batch = { mutants: 1, sourceCharacters: 1_000_000 }): ReportLoader {
  const made = new ReportLoader({ workerFile: worker.file, log: (line) => log.push(line), batch });
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
function workspace(count: number, status: (index: number) => string = () => 'Survived'): { root: string; report: string; file: (index: number) => string; write: (status: (index: number) => string, id?: (index: number) => string) => void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-loader-')));
  roots.push(root);
  mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
  mkdirSync(path.join(root, 'src'));
  const file = (index: number): string => path.join(root, `src/f${index}.ts`);
  const source = (index: number): string => `const a${index} = b >= c;\n`;
  for (let i = 0; i < count; i++) writeFileSync(file(i), source(i));
  const report = path.join(root, 'reports/mutation/mutation.json');
  const write = (statusOf: (index: number) => string, idOf = (index: number) => String(index)): void => {
    const files = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`src/f${i}.ts`, { language: 'typescript', source: source(i), mutants: [mutant({ id: idOf(i), status: statusOf(i), location: { start: { line: 1, column: 12 }, end: { line: 1, column: 18 } } })] }]),
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

  it('gives every mutant its covering and killing tests as the in-thread load does: ids missing from testFiles, not numeric, hostile, lists absent or empty', async () => {
    const { root, report, file } = workspace(2);
    const location = { start: { line: 1, column: 12 }, end: { line: 1, column: 18 } };
    const source = (index: number): string => `const a${index} = b >= c;\n`;
    const mutants = [
      mutant({ id: 'm1', location, coveredBy: ['__proto__', 'not in testFiles', 't 1', ''], killedBy: ['not in testFiles'], status: 'Killed' }),
      mutant({ id: 'm2', location: { start: { line: 1, column: 12 }, end: { line: 1, column: 19 } }, coveredBy: [], killedBy: [] }),
      mutant({ id: 'm3', location: { start: { line: 1, column: 13 }, end: { line: 1, column: 19 } } }),
    ];
    const testFiles = { 'test/a.spec.ts': { tests: [{ id: '__proto__', name: 'proto' }, { id: 't 1', name: 'one' }, { id: '', name: 'empty' }] } };
    writeFileSync(report, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, testFiles, files: { 'src/f0.ts': { language: 'typescript', source: source(0), mutants }, 'src/f1.ts': { language: 'typescript', source: source(1), mutants: [mutant({ id: 'm4', location, coveredBy: ['t 1', '__proto__'] })] } } }));
    const result = await loader().load(request(report, [root]), NO_NAMES);
    expect(result).toEqual(await inThread(report, [root]));
    if (!result.ok) throw new Error(result.error.message);
    expect([file(0), file(1)].map((one) => result.value.files.get(one)?.mutants.map((m) => [m.id, m.coveredBy, m.killedBy]))).toStrictEqual([
      [
        ['m1', ['__proto__', 'not in testFiles', 't 1', ''], ['not in testFiles']],
        ['m2', [], []],
        ['m3', undefined, undefined],
      ],
      [['m4', ['t 1', '__proto__'], undefined]],
    ]);
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

  it('keeps the model objects of the files a reload did not change, and rebuilds the one that changed', async () => {
    const { root, report, file, write } = workspace(5);
    const reports = loader();
    const first = await reports.load(request(report, [root]), NO_NAMES);
    expect(reports.stats).toEqual({ rebuiltFiles: 5, reusedFiles: 0 });
    write((index) => (index === 2 ? 'Killed' : 'Survived'));
    const previous = (first.ok && first.value) as LoadedReport;
    const second = await reports.load(request(report, [root], { previous }), NO_NAMES);
    expect(second).toEqual(await inThread(report, [root]));
    const after = (second.ok && second.value) as LoadedReport;
    expect(reports.stats).toEqual({ rebuiltFiles: 1, reusedFiles: 4 });
    for (const index of [0, 1, 3, 4]) expect(after.files.get(file(index))).toBe(previous.files.get(file(index)));
    expect(after.files.get(file(2))).not.toBe(previous.files.get(file(2)));
    expect(after.files.get(file(2))?.mutants.map((m) => m.status)).toEqual(['Killed']);
    expect([...after.files.keys()]).toEqual([0, 1, 2, 3, 4].map(file));
    expect([...changedFiles(previous, after)]).toEqual([file(2)]);
    const third = await reports.load(request(report, [root], { previous: after }), NO_NAMES);
    expect(reports.stats).toEqual({ rebuiltFiles: 0, reusedFiles: 5 });
    expect(third.ok && [...third.value.files.values()].every((source) => after.files.get(source.path) === source)).toBe(true);
    expect(third.ok && [...changedFiles(after, third.value)]).toEqual([]);
  });

  it('keeps the ids of the last load when the tool numbered every mutant afresh, so that only the changed file is rebuilt', async () => {
    const { root, report, file, write } = workspace(4);
    const reports = loader();
    const first = await reports.load(request(report, [root]), NO_NAMES);
    const previous = (first.ok && first.value) as LoadedReport;
    write((index) => (index === 1 ? 'Killed' : 'Survived'), (index) => String(100 + index));
    const second = await reports.load(request(report, [root], { previous }), NO_NAMES);
    const after = (second.ok && second.value) as LoadedReport;
    expect(reports.stats).toEqual({ rebuiltFiles: 1, reusedFiles: 3 });
    expect([...after.files.values()].map((f) => f.mutants.map((m) => [m.id, m.status]))).toEqual([[['0', 'Survived']], [['1', 'Killed']], [['2', 'Survived']], [['3', 'Survived']]]);
    expect(after.files.get(file(0))).toBe(previous.files.get(file(0)));
    // Without the host's previous load, the ids are the report's own.
    const fresh = await reports.load(request(report, [root]), NO_NAMES);
    expect(fresh).toEqual(await inThread(report, [root]));
  });

  it('shows every file again when the report-level data changed, though it keeps their objects', async () => {
    const { root, report, file } = workspace(3);
    const reports = loader();
    const first = await reports.load(request(report, [root]), NO_NAMES);
    const previous = (first.ok && first.value) as LoadedReport;
    const text = readFileSync(report, 'utf8');
    writeFileSync(report, text.replace('"high":80', '"high":90'));
    const second = await reports.load(request(report, [root], { previous }), NO_NAMES);
    const after = (second.ok && second.value) as LoadedReport;
    expect(after.thresholds).toEqual({ high: 90, low: 60, break: undefined });
    expect(reports.stats).toEqual({ rebuiltFiles: 0, reusedFiles: 3 });
    expect([...changedFiles(previous, after)]).toEqual([0, 1, 2].map(file));
  });

  it('gives a report rewritten while its load is in flight wholly from the newer generation, to both callers', async () => {
    const { root, report, write } = workspace(6);
    const reports = loader();
    const partials: string[][] = [];
    const older = reports.load(request(report, [root]), { ...NO_NAMES, onPartial: (partial) => partials.push([...partial.files.values()].map((f) => f.mutants[0]?.status ?? '')) });
    write(() => 'Killed');
    const newer = reports.load(request(report, [root]), NO_NAMES);
    const [a, b] = await Promise.all([older, newer]);
    expect(a).toBe(b);
    expect(a).toEqual(await inThread(report, [root]));
    expect(a.ok && [...a.value.files.values()].flatMap((f) => f.mutants.map((m) => m.status))).toEqual(Array(6).fill('Killed'));
    expect(partials).toEqual([]);
  });

  it('shows a first load progressively, the priority files first, each partial of one generation', async () => {
    const { root, report, file } = workspace(5);
    const partials: string[][] = [];
    const result = await loader().load(request(report, [root], { priority: [file(3), file(1)] }), { ...NO_NAMES, onPartial: (partial) => partials.push([...partial.files.keys()]) });
    // The first partial is the early one (both priority files, before the whole parse); then one per batch.
    expect(partials).toEqual([[file(3), file(1)], [file(3)], [file(3), file(1)], [file(3), file(1), file(0)], [file(3), file(1), file(0), file(2)]]);
    expect(result.ok && [...result.value.files.keys()]).toEqual([0, 1, 2, 3, 4].map(file));
  });

  it('shows a first load\'s priority file before the whole report is parsed, equal to the final file\'s model', async () => {
    const { root, report, file } = workspace(4);
    const partials: LoadedReport[] = [];
    const order: string[] = [];
    const result = await loader(undefined, { mutants: 100, sourceCharacters: 1_000_000 }).load(request(report, [root], { priority: [file(2), path.join(root, 'src/absent.ts')] }), {
      ...NO_NAMES,
      onPartial: (partial) => {
        partials.push(partial);
        order.push('partial');
      },
      onFacts: () => order.push('summary'),
    });
    expect(order).toEqual(['partial', 'summary']);
    const early = partials[0] as LoadedReport;
    const final = (result.ok && result.value) as LoadedReport;
    expect([...early.files.keys()]).toEqual([file(2)]);
    expect(early.files.get(file(2))).toEqual(final.files.get(file(2)));
    expect(early.files.get(file(2))?.mutants.map((m) => [m.id, m.status])).toEqual([['2', 'Survived']]);
    expect({ ...early, files: undefined }).toEqual({ ...final, files: undefined });
    expect(result).toEqual(await inThread(report, [root]));
  });

  it('ends a load whose whole report breaks the schema after an early partial in the same rejection as without one', async () => {
    const { root, report, file } = workspace(3);
    const files = {
      'src/f0.ts': { language: 'typescript', source: 'const a0 = b >= c;\n', mutants: [mutant({ id: '0' })] },
      'src/f1.ts': { language: 'typescript', source: 'const a1 = b >= c;\n', mutants: [mutant({ id: '1', status: 'Bogus' })] },
    };
    writeFileSync(report, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files }));
    const partials: string[][] = [];
    const result = await loader().load(request(report, [root], { priority: [file(0)] }), { ...NO_NAMES, onPartial: (partial) => partials.push([...partial.files.keys()]) });
    expect(partials).toEqual([[file(0)]]);
    expect(result).toEqual(await inThread(report, [root]));
    expect(result.ok === false && result.error.kind).toBe('schema');
    // The broken file itself as the priority: nothing early.
    partials.length = 0;
    expect(await loader().load(request(report, [root], { priority: [file(1)] }), { ...NO_NAMES, onPartial: (partial) => partials.push([...partial.files.keys()]) })).toEqual(result);
    expect(partials).toEqual([]);
  });

  it('sends nothing early for a reload, an html report, or a key only the host can resolve', async () => {
    const { root, report, file } = workspace(2);
    // One batch for a whole report: the only partial a first load can show is the early one.
    const reports = loader(undefined, { mutants: 1_000_000, sourceCharacters: 100_000_000 });
    const partials: string[][] = [];
    const hooks: LoadHooks = { ...NO_NAMES, onPartial: (partial) => partials.push([...partial.files.keys()]) };
    const first = await reports.load(request(report, [root], { priority: [file(1)] }), hooks);
    expect(partials).toEqual([[file(1)]]);
    partials.length = 0;
    await reports.load(request(report, [root], { priority: [file(1)], previous: (first.ok && first.value) as LoadedReport }), hooks);
    await reports.load(request(SAMPLE_HTML, [SAMPLE], { priority: [path.join(SAMPLE, 'src/format.ts')] }), hooks);
    writeFileSync(report, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'C:\\ci\\src\\f0.ts': { language: 'typescript', source: 'const a0 = b >= c;\n', mutants: [mutant()] } } }));
    const suffix = await reports.load(request(report, [root], { priority: [file(0)] }), { findFilesNamed: async () => new Map([['f0.ts', [file(0)]]]), onPartial: hooks.onPartial });
    expect(suffix.ok && [...suffix.value.files.keys()]).toEqual([file(0)]);
    expect(partials).toEqual([]);
  });

  it('sends the files the host prioritises meanwhile before the others', async () => {
    const { root, report, file } = workspace(5);
    const reports = loader();
    const partials: string[][] = [];
    await reports.load(request(report, [root], { priority: [file(3)] }), {
      ...NO_NAMES,
      onPartial: (partial) => {
        partials.push([...partial.files.keys()]);
        if (partial.files.size === 1) reports.prioritise([file(4)]);
      },
    });
    // The early partial, then the first batch (sent before the host's new priority was read), then the new priority.
    expect(partials.slice(0, 3)).toEqual([[file(3)], [file(3)], [file(3), file(4)]]);
  });

  it('says once that the worker stopped, fails the load in flight clearly, and starts a new worker for the next load', async () => {
    const { root, report } = workspace(3);
    const log: string[] = [];
    const reports = loader(log);
    const suffixOnly = path.join(root, 'reports/mutation/suffix.json');
    writeFileSync(suffixOnly, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 80, low: 60 }, files: { 'C:\\ci\\src\\f0.ts': { language: 'typescript', source: 'const a0 = b >= c;\n', mutants: [mutant()] } } }));
    // Killed mid-load: while the worker waits for the host's answer to its question.
    const killed = reports.load(request(suffixOnly, [root]), { findFilesNamed: () => reports.terminateWorker().then(() => new Map()) });
    expect(await killed).toEqual({ ok: false, error: { kind: 'unreadable', message: 'could not be loaded: the report reader stopped (it exited with code 1)' } });
    expect(log).toEqual(['The report reader stopped (it exited with code 1); the last good reports stay shown, and the next load starts it again']);
    expect(await reports.load(request(report, [root]), NO_NAMES)).toEqual(await inThread(report, [root]));
    expect(log.length).toBe(1);
  });

  it('tells the host what it counted for the log', async () => {
    const { root, report } = workspace(3);
    const facts: unknown[] = [];
    await loader().load(request(report, [root]), { ...NO_NAMES, onFacts: (counted) => facts.push(counted) });
    expect(facts).toEqual([{ mutants: 3, mutantsOutsideSource: 0, changedFiles: 3, outside: [] }]);
  });

  it('parses, validates and indexes a base report in the worker, as parseBaseIndex does in-thread', async () => {
    const text = readFileSync(SAMPLE_JSON, 'utf8');
    const reports = loader();
    const [parsed, broken] = await Promise.all([reports.parseBase(text, 'json'), reports.parseBase('{"files":', 'json')]);
    expect(parsed).toEqual(parseBaseIndex(text, 'json'));
    expect(parsed.ok && parsed.value.size).toBe(4);
    expect(broken).toEqual({ ok: false, error: 'is incomplete (the JSON ends early)' });
    reports.dispose();
    expect(await reports.parseBase(text, 'json')).toEqual({ ok: false, error: 'was not loaded: the report reader was shut down' });
  });

  it('reads and parses an lcov file in the worker, as readLcovFile does in-thread', async () => {
    const { root } = workspace(1);
    const lcov = path.join(root, 'lcov.info');
    writeFileSync(lcov, 'SF:src/f0.ts\nDA:1,0\nDA:2,3\nend_of_record\n');
    const reports = loader();
    expect(await reports.readLcov(lcov, 1024)).toEqual(await readLcovFile(lcov, 1024));
    expect(await reports.readLcov(path.join(root, 'gone.info'), 1024)).toEqual({ kind: 'invalid', reason: 'no longer exists' });
    reports.dispose();
    expect(await reports.readLcov(lcov, 1024)).toEqual({ kind: 'invalid', reason: 'was not loaded: the report reader was shut down' });
  });

  it('answers a base report in flight when the worker stops, with the same problem as a load', async () => {
    const reports = loader();
    const parsing = reports.parseBase(readFileSync(SAMPLE_JSON, 'utf8'), 'json');
    await reports.terminateWorker();
    const answer = await parsing;
    // Ended before or while it ran its code: terminate() makes the exit code 0 or 1.
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(/^could not be loaded: the report reader stopped \(it exited with code [01]\)$/);
  });

  it('answers a disposed loader with a clear problem and starts no worker', async () => {
    const { root, report } = workspace(1);
    const reports = loader();
    reports.dispose();
    expect(await reports.load(request(report, [root]), NO_NAMES)).toEqual({ ok: false, error: { kind: 'unreadable', message: 'was not loaded: the report reader was shut down' } });
  });

  it('treats a worker that sends what the host cannot handle, or throws, as stopped: one log line, a clear problem', async () => {
    const { root, report } = workspace(1);
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'ml-bad-worker-')));
    roots.push(dir);
    const bogus = path.join(dir, 'bogus.js');
    writeFileSync(bogus, "require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'load') require('node:worker_threads').parentPort.postMessage({ type: 'bogus', id: m.id }); });\n");
    const throwing = path.join(dir, 'throwing.js');
    writeFileSync(throwing, "throw new Error('boom');\n");
    for (const [file, why] of [
      [bogus, 'it sent a message that could not be handled: Error: unknown message "bogus"'],
      [throwing, 'it failed: boom'],
    ] as const) {
      const log: string[] = [];
      const reports = new ReportLoader({ workerFile: file, log: (line) => log.push(line) });
      loaders.push(reports);
      expect(await reports.load(request(report, [root]), NO_NAMES)).toEqual({ ok: false, error: { kind: 'unreadable', message: `could not be loaded: the report reader stopped (${why})` } });
      expect(log).toEqual([`The report reader stopped (${why}); the last good reports stay shown, and the next load starts it again`]);
    }
  });
});
