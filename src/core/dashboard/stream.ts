import { SseParser, type SseEvent } from './sse';

/**
 * Reads a `text/event-stream` body to its end (or until `signal` aborts), handing each event to
 * `onEvent`. Text is decoded as a stream (a character split between two pieces stays whole).
 * Resolves with how it ended (`stopped`: `signal` aborted); never throws.
 */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void, signal?: AbortSignal, maxEventChars?: number): Promise<'ended' | 'failed' | 'stopped'> {
  const parser = new SseParser(maxEventChars);
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  const stop = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
    }
    if (signal?.aborted === true) return 'stopped';
    for (const event of parser.push(decoder.decode())) onEvent(event);
    return 'ended';
  } catch {
    return signal?.aborted === true ? 'stopped' : 'failed';
  } finally {
    signal?.removeEventListener('abort', stop);
    reader.releaseLock();
  }
}
