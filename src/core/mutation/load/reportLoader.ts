/**
 * The extension host's side of the report worker: loads a report off the host's thread and
 * receives it per file, the priority files first; a reload keeps the model objects of the files
 * that did not change. Plain node (no `vscode`), so the bench and the unit tests run it as is.
 */
import { Worker } from 'node:worker_threads';
import type { BaseIndex } from '../../change/baseMatch';
import type { LcovFileRead } from '../../coverage/readLcovText';
import { err, ok, type Result } from '../../shared/types';
import type { ReportCandidate } from '../report/discovery';
import type { LoadProblem } from '../report/loadTypes';
import type { LoadedReport, ReportSourceFile } from '../report/model';
import { BatchUnpacker, type PackedBatch } from './packedFiles';
import { BATCH_BOUNDS, type AnswerMessage, type BatchBounds, type FileEntry, type FromWorker, type LoadFacts, type SummaryMessage, type ToWorker } from './protocol';

export type { LoadFacts } from './protocol';

export interface LoadRequest {
  readonly candidate: ReportCandidate;
  /** The workspace folders: keys resolve against them, and only files inside them (real paths) are read. */
  readonly workspaceFolders: readonly string[];
  readonly maxBytes: number;
  /** Files to send first (the active and visible editors' files). */
  readonly priority: readonly string[];
  /** The report as the host holds it now: its files that did not change are kept (same objects). */
  readonly previous?: LoadedReport;
}

export interface LoadHooks {
  /** Workspace files by base name, for keys that only a suffix match resolves (asked by the worker). */
  findFilesNamed(names: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  /** First loads only (no `previous`): the files received so far, priority first, of this load's generation only. */
  onPartial?(partial: LoadedReport): void;
  /** What the worker counted for the log; once per load the worker answered (on a failure, only `outside` can be non-empty). */
  onFacts?(facts: LoadFacts): void;
}

export interface LoaderStats {
  /** Files of the last completed load that were sent by the worker (new model objects). */
  readonly rebuiltFiles: number;
  /** Files of the last completed load kept from `previous` (same objects). */
  readonly reusedFiles: number;
}

export interface ReportLoaderOptions {
  /** The built worker (dist/reportWorker.js). */
  readonly workerFile: string;
  readonly log: (line: string) => void;
  /** How large a batch of files the worker sends at a time (tests and the bench make it small). */
  readonly batch?: BatchBounds;
}

/** A request other than a load: its answer, or why the worker could not give one. */
interface Asked {
  readonly answer: (message: AnswerMessage) => void;
  readonly fail: (why: string) => void;
}

interface Waiter {
  readonly resolve: (result: Result<LoadedReport, LoadProblem>) => void;
}

interface Pending {
  readonly id: number;
  readonly request: LoadRequest;
  readonly hooks: LoadHooks;
  readonly waiters: Waiter[];
  summary?: SummaryMessage;
  readonly received: Map<string, ReportSourceFile>;
  /** The load's test table and shared values, as the batches bring them. */
  readonly unpacker: BatchUnpacker;
}

const fingerprints = new WeakMap<ReportSourceFile, string>();
const headFingerprints = new WeakMap<LoadedReport, string>();

export class ReportLoader {
  private worker: Worker | undefined;
  private nextId = 1;
  /** In-flight loads by report path: one per path, the latest generation. */
  private readonly byPath = new Map<string, Pending>();
  private readonly byId = new Map<number, Pending>();
  private priority: readonly string[] = [];
  private disposed = false;
  private lastStats: LoaderStats = { rebuiltFiles: 0, reusedFiles: 0 };
  /** Requests other than loads (a base report, an lcov file) waiting for the worker's answer, by message id. */
  private readonly asked = new Map<number, Asked>();

  constructor(private readonly options: ReportLoaderOptions) {}

  get stats(): LoaderStats {
    return this.lastStats;
  }

  /**
   * Loads a report in the worker. A second load of the same path while one is in flight supersedes
   * it: both resolve with the newer generation's result, never a mix. Never throws, never rejects.
   */
  load(request: LoadRequest, hooks: LoadHooks): Promise<Result<LoadedReport, LoadProblem>> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve(err(STOPPED));
      const older = this.byPath.get(request.candidate.path);
      const pending: Pending = { id: this.nextId++, request, hooks, waiters: [...(older?.waiters ?? []), { resolve }], received: new Map(), unpacker: new BatchUnpacker() };
      if (older !== undefined) {
        this.byId.delete(older.id);
        this.post({ type: 'cancel', id: older.id });
      }
      this.byPath.set(request.candidate.path, pending);
      this.byId.set(pending.id, pending);
      this.priority = request.priority;
      this.post({
        type: 'load',
        id: pending.id,
        candidate: request.candidate,
        workspaceFolders: request.workspaceFolders,
        maxBytes: request.maxBytes,
        priority: request.priority,
        batch: this.options.batch ?? BATCH_BOUNDS,
        previous: previousFingerprints(request.previous),
      });
    });
  }

  /** Parses, validates and indexes a base report's text in the worker. Never throws, never rejects. */
  parseBase(text: string, format: 'json' | 'html'): Promise<Result<BaseIndex, string>> {
    return this.ask(
      (id) => ({ type: 'parseBase', id, text, format }),
      (answer) => (answer.type === 'baseParsed' ? answer.result : err(`the report reader answered ${answer.type}`)),
      (why) => err(why),
    );
  }

  /** Reads and parses an lcov file in the worker (readLcovFile). Never throws, never rejects. */
  readLcov(path: string, maxBytes: number): Promise<LcovFileRead> {
    return this.ask(
      (id) => ({ type: 'readLcov', id, path, maxBytes }),
      (answer) => (answer.type === 'lcovRead' ? answer.read : { kind: 'invalid', reason: `the report reader answered ${answer.type}` }),
      (why) => ({ kind: 'invalid', reason: why }),
    );
  }

  private ask<T>(message: (id: number) => ToWorker, read: (answer: AnswerMessage) => T, failed: (why: string) => T): Promise<T> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve(failed(STOPPED.message));
      const id = this.nextId++;
      this.asked.set(id, { answer: (answer) => resolve(read(answer)), fail: (why) => resolve(failed(why)) });
      this.post(message(id));
      this.worker?.ref();
    });
  }

  /** The active and visible editors changed: their files are sent first from now on. */
  prioritise(files: readonly string[]): void {
    this.priority = files;
    if (this.worker !== undefined) this.post({ type: 'priority', files });
  }

  dispose(): void {
    this.disposed = true;
    this.failAll(STOPPED);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** Test and bench hook: ends the worker as a crash would. */
  async terminateWorker(): Promise<void> {
    await this.worker?.terminate();
  }

  private post(message: ToWorker): void {
    const worker = this.worker ?? this.start();
    worker.postMessage(message);
    if (message.type === 'load') worker.ref();
  }

  private start(): Worker {
    const worker = new Worker(this.options.workerFile);
    this.worker = worker;
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => this.stopped(worker, `it failed: ${error.message}`));
    worker.on('messageerror', (error) => this.stopped(worker, `a message could not be read: ${error.message}`));
    worker.on('exit', (code) => this.stopped(worker, `it exited with code ${code}`));
    if (this.priority.length > 0) worker.postMessage({ type: 'priority', files: this.priority } satisfies ToWorker);
    return worker;
  }

  /** The worker stopped or cannot be trusted: every pending load fails clearly; the next load starts a new worker. */
  private stopped(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    if (this.disposed) return;
    this.options.log(`The report reader stopped (${why}); the last good reports stay shown, and the next load starts it again`);
    this.failAll({ kind: 'unreadable', message: `could not be loaded: the report reader stopped (${why})` });
  }

  private failAll(problem: LoadProblem): void {
    const pending = [...this.byId.values()];
    this.byId.clear();
    this.byPath.clear();
    for (const load of pending) for (const waiter of load.waiters) waiter.resolve(err(problem));
    const asked = [...this.asked.values()];
    this.asked.clear();
    for (const request of asked) request.fail(problem.message);
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (message.type === 'baseParsed' || message.type === 'lcovRead') return this.answered(message);
    const pending = this.byId.get(message.id);
    if (pending === undefined) return; // a superseded or failed generation
    try {
      this.handle(worker, pending, message);
    } catch (error) {
      this.stopped(worker, `it sent a message that could not be handled: ${String(error)}`);
    }
  }

  private handle(worker: Worker, pending: Pending, message: FromWorker): void {
    switch (message.type) {
      case 'find':
        void this.answerFind(worker, pending, message.names);
        return;
      case 'failed':
        pending.hooks.onFacts?.({ mutants: 0, mutantsOutsideSource: 0, changedFiles: 0, outside: message.facts.outside });
        return this.finish(pending, err(message.problem));
      case 'early':
        if (pending.request.previous === undefined && pending.summary === undefined) pending.hooks.onPartial?.({ ...message.head, files: new Map(message.files.map((file) => [file.path, file])) });
        return;
      case 'summary':
        pending.summary = message;
        pending.hooks.onFacts?.(message.facts);
        if (message.toSend === 0) this.complete(pending, message);
        return;
      case 'files':
        this.receive(worker, pending, message.batch);
        return;
      default:
        throw new Error(`unknown message ${JSON.stringify((message as { type?: unknown }).type)}`);
    }
  }

  private async answerFind(worker: Worker, pending: Pending, names: readonly string[]): Promise<void> {
    let byName: ReadonlyMap<string, readonly string[]>;
    try {
      byName = await pending.hooks.findFilesNamed(names);
    } catch {
      byName = new Map();
    }
    if (this.byId.get(pending.id) === pending && this.worker === worker) worker.postMessage({ type: 'found', id: pending.id, byName } satisfies ToWorker);
  }

  private receive(worker: Worker, pending: Pending, batch: PackedBatch): void {
    const summary = pending.summary;
    if (summary === undefined) throw new Error('files before the summary');
    for (const file of pending.unpacker.unpack(batch)) pending.received.set(file.path, file);
    if (pending.received.size >= summary.toSend) return this.complete(pending, summary);
    // Shown before the next batch is asked for: a new priority given meanwhile orders what follows.
    if (pending.request.previous === undefined) pending.hooks.onPartial?.(assemble(summary, new Map(pending.received)));
    if (this.byId.get(pending.id) === pending) worker.postMessage({ type: 'ack', id: pending.id } satisfies ToWorker);
  }

  /** Every changed file arrived: the report is committed whole, the unchanged files' objects kept. */
  private complete(pending: Pending, summary: SummaryMessage): void {
    const files = new Map<string, ReportSourceFile>();
    for (const entry of summary.files) {
      const file = pending.received.get(entry.path) ?? kept(pending.request.previous, entry);
      if (file === undefined) throw new Error(`the file ${entry.path} was neither sent nor kept`);
      fingerprints.set(file, entry.fingerprint);
      files.set(entry.path, file);
    }
    this.lastStats = { rebuiltFiles: pending.received.size, reusedFiles: files.size - pending.received.size };
    this.finish(pending, ok(assemble(summary, files)));
  }

  private answered(message: AnswerMessage): void {
    const request = this.asked.get(message.id);
    this.asked.delete(message.id);
    this.unrefWhenIdle();
    request?.answer(message);
  }

  private unrefWhenIdle(): void {
    if (this.byId.size === 0 && this.asked.size === 0) this.worker?.unref();
  }

  private finish(pending: Pending, result: Result<LoadedReport, LoadProblem>): void {
    this.byId.delete(pending.id);
    if (this.byPath.get(pending.request.candidate.path) === pending) this.byPath.delete(pending.request.candidate.path);
    this.unrefWhenIdle();
    for (const waiter of pending.waiters) waiter.resolve(result);
  }
}

const STOPPED: LoadProblem = { kind: 'unreadable', message: 'was not loaded: the report reader was shut down' };

function assemble(summary: SummaryMessage, files: ReadonlyMap<string, ReportSourceFile>): LoadedReport {
  const report: LoadedReport = { ...summary.head, files };
  headFingerprints.set(report, summary.headFingerprint);
  return report;
}

/**
 * The source files whose shown mutants may differ between two states of a report: those whose
 * model object changed, came or went; every file of both when the report-level data changed or
 * either report did not come from a ReportLoader.
 */
export function changedFiles(before: LoadedReport | undefined, after: LoadedReport | undefined): Set<string> {
  const head = before === undefined ? undefined : headFingerprints.get(before);
  const same = head !== undefined && after !== undefined && headFingerprints.get(after) === head;
  const files = new Set<string>();
  for (const [path, file] of after?.files ?? []) if (!same || before?.files.get(path) !== file) files.add(path);
  for (const path of before?.files.keys() ?? []) if (!same || after?.files.get(path) === undefined) files.add(path);
  return files;
}

/** The previous file of this path when the worker found it unchanged. */
function kept(previous: LoadedReport | undefined, entry: FileEntry): ReportSourceFile | undefined {
  const file = previous?.files.get(entry.path);
  return file !== undefined && fingerprints.get(file) === entry.fingerprint ? file : undefined;
}

function previousFingerprints(previous: LoadedReport | undefined): Array<[string, string]> {
  const known: Array<[string, string]> = [];
  for (const [path, file] of previous?.files ?? []) {
    const fingerprint = fingerprints.get(file);
    if (fingerprint !== undefined) known.push([path, fingerprint]);
  }
  return known;
}
