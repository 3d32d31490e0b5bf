import { err, ok, type Result } from '../shared/types';
import { classifyResponse, requestHeaders, validatorFor, type CachedValidator } from './conditional';

/** What went wrong with a request, said as the end of "The Dashboard report at <url> …". */
export interface HttpProblem {
  readonly kind: 'http' | 'timeout' | 'cancelled' | 'network' | 'too-large';
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  readonly message: string;
}

export interface HttpOptions {
  /** Node's global `fetch` in the extension host (so the editor's proxy settings apply); any fetch in tests. */
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

export type BodyAnswer = { readonly kind: 'body'; readonly text: string; readonly etag: string | undefined } | { readonly kind: 'not-modified' };

const MAX_REDIRECTS = 3;

/**
 * GETs a report: conditional when a validator for the same URL is given, redirects followed by hand
 * and only to the same origin, the whole exchange (body included) under one timeout, the body read
 * in pieces and abandoned as soon as it passes `maxBytes`. Never throws.
 */
export async function getReportBody(url: string, cached: CachedValidator | undefined, options: HttpOptions): Promise<Result<BodyAnswer, HttpProblem>> {
  return withDeadline<BodyAnswer>(options, async (signal) => {
    const etag = validatorFor(url, cached);
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await options.fetch(current, { headers: requestHeaders(etag), redirect: 'manual', signal });
      const kind = classifyResponse(current, response.status, (name) => response.headers.get(name), etag !== undefined);
      if (kind.kind === 'redirect') {
        await response.body?.cancel();
        current = kind.location;
        continue;
      }
      if (kind.kind === 'error') {
        await response.body?.cancel();
        return err({ kind: 'http', status: kind.status, message: kind.message });
      }
      if (kind.kind === 'not-modified') return ok({ kind: 'not-modified' });
      const text = await readBounded(response, options.maxBytes);
      return text.ok ? ok({ kind: 'body', text: text.value, etag: kind.etag }) : text;
    }
    return err({ kind: 'http', message: `redirected more than ${MAX_REDIRECTS} times` });
  });
}

/**
 * Opens a stream of server-sent events: same redirect rule. No timeout unless `timeoutMs` is given:
 * the Dashboard sends the response head only with the first event (Node writes a head with the
 * first body bytes), which can be minutes into a CI run. `signal` ends it.
 */
export async function openEventStream(url: string, options: Omit<HttpOptions, 'maxBytes' | 'timeoutMs'> & { readonly timeoutMs?: number }): Promise<Result<Response, HttpProblem>> {
  const connect = new AbortController();
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => connect.abort(), options.timeoutMs);
  const signal = options.signal === undefined ? connect.signal : AbortSignal.any([connect.signal, options.signal]);
  try {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await options.fetch(current, { headers: { accept: 'text/event-stream' }, redirect: 'manual', signal });
      const kind = classifyResponse(current, response.status, (name) => response.headers.get(name), false);
      if (kind.kind === 'redirect') {
        await response.body?.cancel();
        current = kind.location;
        continue;
      }
      if (kind.kind !== 'body') {
        await response.body?.cancel();
        return err({ kind: 'http', status: kind.kind === 'error' ? kind.status : 304, message: kind.kind === 'error' ? kind.message : 'answered 304' });
      }
      const type = response.headers.get('content-type') ?? '';
      if (!type.toLowerCase().startsWith('text/event-stream')) {
        await response.body?.cancel();
        return err({ kind: 'http', status: 200, message: `answered with "${type}", not text/event-stream` });
      }
      return ok(response);
    }
    return err({ kind: 'http', message: `redirected more than ${MAX_REDIRECTS} times` });
  } catch (error) {
    return err(problemOf(error, connect.signal.aborted, options.timeoutMs ?? 0));
  } finally {
    clearTimeout(timer);
  }
}

async function withDeadline<T>(options: HttpOptions, work: (signal: AbortSignal) => Promise<Result<T, HttpProblem>>): Promise<Result<T, HttpProblem>> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, options.signal]);
  try {
    return await work(signal);
  } catch (error) {
    return err(problemOf(error, deadline.signal.aborted, options.timeoutMs));
  } finally {
    clearTimeout(timer);
  }
}

function problemOf(error: unknown, timedOut: boolean, timeoutMs: number): HttpProblem {
  if (timedOut) return { kind: 'timeout', message: `did not answer within ${timeoutMs / 1000} s` };
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return { kind: 'cancelled', message: 'was cancelled' };
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return { kind: 'network', message: `cannot be reached (${detail})` };
}

/** The body as UTF-8, read piece by piece and given up (the connection cancelled) past `maxBytes`. */
export async function readBounded(response: Response, maxBytes: number): Promise<Result<string, HttpProblem>> {
  const tooLarge = (): Result<string, HttpProblem> => err({ kind: 'too-large', message: `sent more than the ${megabytes(maxBytes)} MB limit (setting mutantLens.maxReportSizeMB)` });
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return tooLarge();
  }
  if (response.body === null) return ok('');
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return ok(Buffer.concat(chunks, total).toString('utf8'));
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}
