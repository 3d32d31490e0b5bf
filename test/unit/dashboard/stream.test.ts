import { describe, expect, it } from 'vitest';
import { readEvents } from '../../../src/core/dashboard/stream';
import type { SseEvent } from '../../../src/core/dashboard/sse';

/** A body that hands out the given pieces, then ends (or stays open, or fails). */
function body(pieces: readonly Uint8Array[], end: 'close' | 'open' | 'error' = 'close'): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece !== undefined) controller.enqueue(piece);
      else if (end === 'close') controller.close();
      else if (end === 'error') controller.error(new Error('connection reset'));
      else return new Promise<void>(() => undefined);
      return undefined;
    },
  });
}

describe('readEvents', () => {
  it('reads every event to the end, a character split between two pieces kept whole', async () => {
    const bytes = new TextEncoder().encode('event: update\ndata: caf\u00e9\n\ndata: two\n\n');
    const split = bytes.indexOf(0xa9); // the second byte of é
    const events: SseEvent[] = [];
    expect(await readEvents(body([bytes.slice(0, split), bytes.slice(split)]), (event) => events.push(event))).toBe('ended');
    expect(events).toEqual([
      { event: 'update', data: 'caf\u00e9' },
      { event: 'message', data: 'two' },
    ]);
  });

  it('says failed when the body fails, and stopped when the signal aborts it', async () => {
    const piece = new TextEncoder().encode('data: a\n\n');
    const failed: SseEvent[] = [];
    expect(await readEvents(body([piece], 'error'), (event) => failed.push(event))).toBe('failed');
    expect(failed).toEqual([{ event: 'message', data: 'a' }]);

    const controller = new AbortController();
    const stopped: SseEvent[] = [];
    const reading = readEvents(body([piece], 'open'), (event) => {
      stopped.push(event);
      controller.abort();
    }, controller.signal);
    expect(await reading).toBe('stopped');
    expect(stopped).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('says stopped, not failed, for a body that fails after the signal aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await readEvents(body([new TextEncoder().encode('data: a\n\n')], 'error'), () => undefined, controller.signal)).toBe('stopped');
  });

  it('says stopped for a body that ends after the signal aborted', async () => {
    const controller = new AbortController();
    const piece = new TextEncoder().encode('data: a\n\n');
    expect(await readEvents(body([piece]), () => controller.abort(), controller.signal)).toBe('stopped');
  });

  it('lets go of the signal when it is done', async () => {
    const controller = new AbortController();
    const added: string[] = [];
    const removed: string[] = [];
    const signal = Object.assign(Object.create(controller.signal) as AbortSignal, {
      addEventListener: (type: string) => added.push(type),
      removeEventListener: (type: string) => removed.push(type),
    });
    expect(await readEvents(body([]), () => undefined, signal)).toBe('ended');
    expect([added, removed]).toEqual([['abort'], ['abort']]);
  });
});
