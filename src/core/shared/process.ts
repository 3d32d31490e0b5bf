/**
 * The one module that starts child processes. Never a shell: a command and an argument array.
 * On POSIX the child leads its own process group (`detached`), so a timeout or an abort kills
 * the child and everything it started: SIGTERM to the group, SIGKILL after a short grace period.
 * A non-zero exit code is not an error here; callers decide what it means.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { err, ok, type Result } from './types';

export interface ProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The whole environment of the child; the parent's when absent. */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onStdout?: (text: string) => void;
  readonly onStderr?: (text: string) => void;
  /** Bytes of stdout kept (the tail). Default 64 MiB. */
  readonly maxStdoutBytes?: number;
  /** Bytes of stderr kept (the tail). Default 64 KiB. */
  readonly maxStderrBytes?: number;
  /** Time between SIGTERM and SIGKILL. Default 1000 ms. */
  readonly killGraceMs?: number;
}

export interface ProcessOutput {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when output was dropped from the front to stay under the cap. */
  readonly stdoutTruncated: boolean;
}

export type ProcessError =
  | { readonly kind: 'refused'; readonly command: string; readonly message: string }
  | { readonly kind: 'notFound'; readonly command: string; readonly message: string }
  | { readonly kind: 'cwdNotFound'; readonly cwd: string; readonly message: string }
  | { readonly kind: 'spawnFailed'; readonly command: string; readonly message: string }
  | {
      readonly kind: 'timeout' | 'aborted';
      readonly command: string;
      readonly exitCode: number | null;
      readonly stderrTail: string;
      readonly message: string;
    };

const DEFAULT_STDOUT_CAP = 64 * 1024 * 1024;
const DEFAULT_STDERR_CAP = 64 * 1024;
const DEFAULT_GRACE_MS = 1000;
const IS_WINDOWS = process.platform === 'win32';

/**
 * Says why no process may start now (the workspace is not trusted), or undefined when processes
 * may start. The editor adapter sets it once at activation; every start asks it first.
 */
export type ProcessGate = () => string | undefined;

let gate: ProcessGate = () => undefined;

/** Sets the gate every later runProcess asks before it starts anything; returns the previous one. */
export function setProcessGate(next: ProcessGate): ProcessGate {
  const previous = gate;
  gate = next;
  return previous;
}

/** The command line as text for logs (quoted where needed); never executed. */
export function formatCommandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/** Kills the child's whole process group (POSIX) or the child alone (Windows); ignores "already gone". */
export function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    if (IS_WINDOWS) child.kill(signal);
    else process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left to kill.
  }
}

export function runProcess(options: ProcessOptions): Promise<Result<ProcessOutput, ProcessError>> {
  return new Promise((resolve) => start(options, resolve));
}

type Settle = (r: Result<ProcessOutput, ProcessError>) => void;

function start(o: ProcessOptions, settle: Settle): void {
  const line = formatCommandLine(o.command, o.args);
  const refusal = gate();
  if (refusal !== undefined) {
    settle(err({ kind: 'refused', command: line, message: `Not started: ${line}: ${refusal}` }));
    return;
  }
  if (o.signal?.aborted === true) {
    settle(err({ kind: 'aborted', command: line, exitCode: null, stderrTail: '', message: `Cancelled: ${line}` }));
    return;
  }
  const child = spawn(o.command, [...o.args], {
    cwd: o.cwd,
    env: o.env ?? process.env,
    detached: !IS_WINDOWS,
    shell: false,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = new TailBuffer(o.maxStdoutBytes ?? DEFAULT_STDOUT_CAP);
  const stderr = new TailBuffer(o.maxStderrBytes ?? DEFAULT_STDERR_CAP);
  pipe(child.stdout, stdout, o.onStdout);
  pipe(child.stderr, stderr, o.onStderr);
  let stopped: 'timeout' | 'aborted' | undefined;
  let done = false;
  const stop = (why: 'timeout' | 'aborted'): void => {
    if (stopped !== undefined || done) return;
    stopped = why;
    killTree(child, 'SIGTERM');
    // Stays armed after the child closes: a grandchild may ignore SIGTERM.
    setTimeout(() => killTree(child, 'SIGKILL'), o.killGraceMs ?? DEFAULT_GRACE_MS);
  };
  const onAbort = (): void => stop('aborted');
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = o.timeoutMs === undefined ? undefined : setTimeout(() => stop('timeout'), o.timeoutMs);
  const finish = (r: Result<ProcessOutput, ProcessError>): void => {
    if (done) return;
    done = true;
    o.signal?.removeEventListener('abort', onAbort);
    clearTimeout(timer);
    settle(r);
  };
  child.on('error', (e: NodeJS.ErrnoException) => finish(err(spawnError(e, o, line))));
  child.on('close', (code, sig) => {
    if (stopped !== undefined) {
      const tail = stderr.text();
      const what = stopped === 'timeout' ? `Timed out after ${o.timeoutMs ?? 0} ms` : 'Cancelled';
      finish(err({ kind: stopped, command: line, exitCode: code, stderrTail: tail, message: `${what}: ${line}` }));
      return;
    }
    const out = { exitCode: code, signal: sig, stdout: stdout.text(), stderr: stderr.text() };
    finish(ok({ ...out, stdoutTruncated: stdout.truncated }));
  });
}

function pipe(stream: NodeJS.ReadableStream, into: TailBuffer, listener: ((t: string) => void) | undefined): void {
  const decoder = listener === undefined ? undefined : new StringDecoder('utf8');
  stream.on('data', (chunk: Buffer) => {
    into.push(chunk);
    if (decoder !== undefined && listener !== undefined) listener(decoder.write(chunk));
  });
}

function spawnError(e: NodeJS.ErrnoException, o: ProcessOptions, line: string): ProcessError {
  if (e.code === 'ENOENT' && !existsSync(o.cwd)) {
    return { kind: 'cwdNotFound', cwd: o.cwd, message: `Folder not found: ${o.cwd}` };
  }
  if (e.code === 'ENOENT') {
    return { kind: 'notFound', command: o.command, message: `Program not found: ${o.command}` };
  }
  return { kind: 'spawnFailed', command: line, message: `Could not start ${line}: ${e.message}` };
}

/** Collects a stream's bytes, keeping at most `cap` bytes: the newest (the tail). */
export class TailBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.cap) {
      const first = this.chunks[0] as Buffer;
      const excess = this.size - this.cap;
      this.truncated = true;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
      }
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
