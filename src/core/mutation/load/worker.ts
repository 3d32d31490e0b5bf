/**
 * The report worker (node:worker_threads; bundled as dist/reportWorker.js): reads, parses,
 * validates and indexes a report off the extension host's thread with the same loadReport the
 * CLI uses, then sends a summary and the changed files in bounded batches, the priority files first.
 */
import { parentPort } from 'node:worker_threads';
import { Containment } from '../../shared/containment';
import { isFile } from '../../shared/fileProbe';
import { parseBaseIndex } from '../../change/baseMatch';
import { readLcovFile } from '../../coverage/readLcovText';
import { loadReport } from '../report/load';
import { prepareValidator } from '../report/validate';
import type { LoadedReport, ReportSourceFile } from '../report/model';
import { priorityFirst, takeBatch } from './batches';
import { earlyReport } from './earlyFiles';
import { factsOf } from './facts';
import { fingerprintOf, headFingerprintOf } from './fingerprint';
import { BatchPacker } from './packedFiles';
import { rememberIds, withStableIds, type IdMemory } from './stableIds';
import type { BatchBounds, FromWorker, LoadMessage, ToWorker } from './protocol';

interface Sending {
  queue: ReportSourceFile[];
  readonly batch: BatchBounds;
  /** The load's test ids the host holds already. */
  readonly packer: BatchPacker;
}

const port = parentPort;
/** Loads still reading or building, and those of them the host no longer waits for. */
const computing = new Set<number>();
const cancelled = new Set<number>();
const sending = new Map<number, Sending>();
/** The host's latest priority files (its active and visible editors). */
let priority: readonly string[] = [];
/** Per report path, the ids and fingerprints of the last load sent: a reload keeps the ids (stableIds). */
const lastSent = new Map<string, { readonly ids: IdMemory; readonly files: ReadonlyMap<string, string> }>();
const finding = new Map<number, (byName: ReadonlyMap<string, readonly string[]>) => void>();

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

port?.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'load':
      priority = message.priority;
      void load(message);
      break;
    case 'ack':
      sendNext(message.id);
      break;
    case 'priority':
      priority = message.files;
      for (const state of sending.values()) state.queue = priorityFirst(state.queue, message.files);
      break;
    case 'found':
      finding.get(message.id)?.(message.byName);
      finding.delete(message.id);
      break;
    case 'parseBase':
      post({ type: 'baseParsed', id: message.id, result: parseBaseIndex(message.text, message.format) });
      break;
    case 'readLcov':
      void readLcovFile(message.path, message.maxBytes).then((read) => post({ type: 'lcovRead', id: message.id, read }));
      break;
    case 'cancel':
      if (computing.has(message.id)) cancelled.add(message.id);
      sending.delete(message.id);
      finding.get(message.id)?.(new Map());
      finding.delete(message.id);
      break;
  }
});

async function load(request: LoadMessage): Promise<void> {
  computing.add(request.id);
  try {
    await loadAndSend(request);
  } finally {
    computing.delete(request.id);
  }
}

async function loadAndSend(request: LoadMessage): Promise<void> {
  const containment = new Containment(request.workspaceFolders);
  try {
    const result = await loadReport(request.candidate, {
      workspaceFolders: request.workspaceFolders,
      maxBytes: request.maxBytes,
      exists: (file) => containment.contains(file) && isFile(file),
      findFilesNamed: (names) => findFilesNamed(request.id, names),
      beforeParse: (text) => sendEarly(request, text, containment),
      whileReading: prepareValidator,
    });
    if (cancelled.delete(request.id)) return;
    if (result.ok) send(request, result.value, containment);
    else post({ type: 'failed', id: request.id, problem: result.error, facts: { outside: containment.takeOutside() } });
  } catch (error) {
    if (cancelled.delete(request.id)) return;
    post({ type: 'failed', id: request.id, problem: { kind: 'unreadable', message: `could not be read: ${String(error)}` }, facts: { outside: containment.takeOutside() } });
  }
}

/** A first load's priority files, from their own entries, before the whole report is parsed (not for mutmut, whose reader is its own). */
function sendEarly(request: LoadMessage, text: Uint8Array, containment: Containment): void {
  if (request.previous.length > 0 || request.candidate.tool === 'mutmut' || cancelled.has(request.id)) return;
  const early = earlyReport(text, request.candidate, priority, { workspaceFolders: request.workspaceFolders, exists: (file) => containment.contains(file) && isFile(file) });
  if (early === undefined) return;
  const { files, ...head } = early;
  post({ type: 'early', id: request.id, head, files: [...files.values()] });
}

function findFilesNamed(id: number, names: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
  return new Promise((resolve) => {
    finding.set(id, resolve);
    post({ type: 'find', id, names });
  });
}

function send(request: LoadMessage, built: LoadedReport, containment: Containment): void {
  const previous = new Map(request.previous);
  const last = lastSent.get(request.candidate.path);
  const report = last !== undefined && keepsIds(request) && sameFiles(last.files, previous) ? withStableIds(built, last.ids) : built;
  const entries = [...report.files.values()].map((file) => ({ path: file.path, fingerprint: fingerprintOf(file) }));
  const changed = [...report.files.values()].filter((file, index) => previous.get(file.path) !== entries[index]?.fingerprint);
  const { files: _files, ...head } = report;
  lastSent.set(request.candidate.path, { ids: rememberIds(report), files: new Map(entries.map((entry) => [entry.path, entry.fingerprint])) });
  post({ type: 'summary', id: request.id, head, headFingerprint: headFingerprintOf(report), files: entries, facts: factsOf(report, changed.length, containment.takeOutside()), toSend: changed.length });
  if (changed.length === 0) return;
  sending.set(request.id, { queue: priorityFirst(changed, priority), batch: request.batch, packer: new BatchPacker() });
  sendNext(request.id);
}

function sendNext(id: number): void {
  const state = sending.get(id);
  if (state === undefined) return;
  const files = takeBatch(state.queue, state.batch);
  if (state.queue.length === 0) sending.delete(id);
  if (files.length === 0) return;
  const { batch, transfer } = state.packer.pack(files);
  post({ type: 'files', id, batch }, transfer);
}

/** Whether the host holds what this worker sent last for the report (else its ids are not the host's). */
function sameFiles(sent: ReadonlyMap<string, string>, held: ReadonlyMap<string, string>): boolean {
  if (sent.size !== held.size) return false;
  for (const [path, fingerprint] of sent) if (held.get(path) !== fingerprint) return false;
  return true;
}

/** mutmut's ids are the names its rerun is given: never replaced. */
function keepsIds(request: LoadMessage): boolean {
  return request.candidate.tool !== 'mutmut';
}
