/**
 * The messages between the extension host (ReportLoader) and the report worker (worker.ts).
 * Plain structured-clone data. Every message of a load carries its `id`: the host drops the
 * messages of a load it no longer waits for (a superseded generation).
 */
import type { BaseIndex } from '../../change/baseMatch';
import type { LcovFileRead } from '../../coverage/readLcovText';
import type { Result } from '../../shared/types';
import type { ReportCandidate } from '../report/discovery';
import type { LoadProblem } from '../report/loadTypes';
import type { LoadedReport, ReportSourceFile } from '../report/model';
import type { PackedBatch } from './packedFiles';

/** What the host logs about a loaded report that costs O(mutants) to count: counted in the worker. */
export interface LoadFacts {
  /** Mutants in the report's files (after the impossible ones were dropped). */
  readonly mutants: number;
  /** Mutants whose position does not exist in the source the report embeds. */
  readonly mutantsOutsideSource: number;
  /** Files new or changed since the host's previous load of the report (all of them on a first load): the ones sent and rebuilt. */
  readonly changedFiles: number;
  /** Paths inside the workspace by text that a link leads outside (not read), with where they lead. */
  readonly outside: ReadonlyArray<{ readonly file: string; readonly real: string }>;
}

/** A report without its files: what the worker sends first. */
export type ReportHead = Omit<LoadedReport, 'files'>;

/** One file of the report as the summary lists it, in the report's order. */
export interface FileEntry {
  readonly path: string;
  /** A hash of the file's built content (path, key, language, source, mutants). */
  readonly fingerprint: string;
}

// Host -> worker.
export interface LoadMessage {
  readonly type: 'load';
  readonly id: number;
  readonly candidate: ReportCandidate;
  readonly workspaceFolders: readonly string[];
  readonly maxBytes: number;
  readonly priority: readonly string[];
  readonly batch: BatchBounds;
  /** The host's current files of this report, by path, with their fingerprints: those unchanged are not sent. */
  readonly previous: ReadonlyArray<readonly [string, string]>;
}

/** Sent files are acknowledged one batch at a time, so that a new priority reorders what is still to send. */
export interface AckMessage {
  readonly type: 'ack';
  readonly id: number;
}

export interface PriorityMessage {
  readonly type: 'priority';
  readonly files: readonly string[];
}

export interface FoundFilesMessage {
  readonly type: 'found';
  readonly id: number;
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

export interface CancelMessage {
  readonly type: 'cancel';
  readonly id: number;
}

/** A base report's text (the change's new survivors are judged against it): parsed, validated and indexed in the worker too. */
export interface ParseBaseMessage {
  readonly type: 'parseBase';
  readonly id: number;
  readonly text: string;
  readonly format: 'json' | 'html';
}

/** An lcov file to read and parse (50 MB of lcov held the host's thread for half a second): answered with an 'lcovRead' message of the same id. */
export interface ReadLcovMessage {
  readonly type: 'readLcov';
  readonly id: number;
  readonly path: string;
  readonly maxBytes: number;
}

export type ToWorker = LoadMessage | AckMessage | PriorityMessage | FoundFilesMessage | CancelMessage | ParseBaseMessage | ReadLcovMessage;

// Worker -> host.
export interface FindFilesMessage {
  readonly type: 'find';
  readonly id: number;
  readonly names: readonly string[];
}

export interface SummaryMessage {
  readonly type: 'summary';
  readonly id: number;
  readonly head: ReportHead;
  /** A hash of the report-level data (everything but the files): when it is unchanged, only the changed files need showing again. */
  readonly headFingerprint: string;
  readonly files: readonly FileEntry[];
  readonly facts: LoadFacts;
  /** How many files follow in `files` messages (the others are unchanged from `previous`). */
  readonly toSend: number;
}

/**
 * A first load's priority files, built from their own entries before the whole report was parsed
 * (earlyFiles): shown at once, withdrawn if the whole report then fails.
 */
export interface EarlyMessage {
  readonly type: 'early';
  readonly id: number;
  readonly head: ReportHead;
  readonly files: readonly ReportSourceFile[];
}

/** The next batch of changed files, packed (packedFiles.ts): its buffers are transferred. */
export interface FilesMessage {
  readonly type: 'files';
  readonly id: number;
  readonly batch: PackedBatch;
}

export interface FailedMessage {
  readonly type: 'failed';
  readonly id: number;
  readonly problem: LoadProblem;
  readonly facts: Pick<LoadFacts, 'outside'>;
}

/** The answer to a ParseBaseMessage of the same id: the base's index, or why the text is not a report (as parseReportText says it). */
export interface BaseParsedMessage {
  readonly type: 'baseParsed';
  readonly id: number;
  readonly result: Result<BaseIndex, string>;
}

/** The answer to a ReadLcovMessage of the same id. */
export interface LcovReadMessage {
  readonly type: 'lcovRead';
  readonly id: number;
  readonly read: LcovFileRead;
}

/** The answers to requests other than a load (ReportLoader.ask). */
export type AnswerMessage = BaseParsedMessage | LcovReadMessage;

export type FromWorker = FindFilesMessage | EarlyMessage | SummaryMessage | FilesMessage | FailedMessage | AnswerMessage;

/** A batch of files is cut when it would pass either bound (one larger file goes alone). */
export interface BatchBounds {
  readonly mutants: number;
  readonly sourceCharacters: number;
}

export const BATCH_BOUNDS: BatchBounds = { mutants: 2000, sourceCharacters: 1_000_000 };
