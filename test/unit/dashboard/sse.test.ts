import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../../src/core/dashboard/sse';

/** The Dashboard's own framing (MutationEventSender.ts), with the other line ends and fields of the format. */
const STREAM =
  '\ufeff: a comment\r\n' +
  'event: mutant-tested\n' +
  'data: {"id":"1","status":"Killed"}\n\n' +
  'event: mutant-tested\r\n' +
  'data: {"id":"2",\r\n' +
  'data:"status":"Survived"}\r\n\r\n' +
  'id: 7\rretry: 10\rdata\rdata: x\r\r' +
  'event: nothing\n\n' +
  'event:finished\ndata: {}\n\n' +
  'data: unfinished';

const EXPECTED: SseEvent[] = [
  { event: 'mutant-tested', data: '{"id":"1","status":"Killed"}' },
  { event: 'mutant-tested', data: '{"id":"2",\n"status":"Survived"}' },
  { event: 'message', data: '\nx' },
  { event: 'finished', data: '{}' },
];

function feed(parser: SseParser, pieces: readonly string[]): SseEvent[] {
  return pieces.flatMap((piece) => parser.push(piece));
}

describe('SseParser', () => {
  it('reads the stream whole', () => {
    expect(feed(new SseParser(), [STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events for every split of the stream in two and three pieces', () => {
    for (let i = 0; i <= STREAM.length; i++) {
      expect(feed(new SseParser(), [STREAM.slice(0, i), STREAM.slice(i)]), `split at ${i}`).toEqual(EXPECTED);
      for (let j = i; j <= STREAM.length; j += 7) {
        expect(feed(new SseParser(), [STREAM.slice(0, i), STREAM.slice(i, j), STREAM.slice(j)]), `split at ${i}, ${j}`).toEqual(EXPECTED);
      }
    }
  });

  it('gives the same events fed one character at a time, with empty pieces between', () => {
    expect(feed(new SseParser(), [...STREAM].flatMap((char) => [char, '']))).toEqual(EXPECTED);
  });

  it('counts a CR then LF in two pieces as one line end, and a lone CR as one', () => {
    expect(feed(new SseParser(), ['data: a\r', '\ndata: b\r', '\r'])).toEqual([{ event: 'message', data: 'a\nb' }]);
    expect(feed(new SseParser(), ['data: a\r', '', '\n', '\n'])).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('strips one leading space only, and a BOM only at the very start', () => {
    expect(feed(new SseParser(), ['data:  two\n\n', '\ufeffdata: x\n\n'])).toEqual([{ event: 'message', data: ' two' }]);
  });

  it('drops an event larger than the limit whole, counts it, and reads the next', () => {
    const parser = new SseParser(10);
    expect(feed(parser, ['data: 12345\ndata: 67890\n\n', 'data: ok\n\n'])).toEqual([{ event: 'message', data: 'ok' }]);
    expect(parser.dropped).toBe(1);
    expect(feed(parser, ['event: big\ndata: 123', '4567890123', '456\n\ndata: 1234567\n\n'])).toEqual([{ event: 'message', data: '1234567' }]);
    expect(parser.dropped).toBe(2);
  });

  it('takes an event of exactly the limit', () => {
    const parser = new SseParser(10);
    expect(feed(parser, ['data: 123456789\n\n'])).toEqual([{ event: 'message', data: '123456789' }]);
    expect(parser.dropped).toBe(0);
  });
});
