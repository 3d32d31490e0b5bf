/** One server-sent event: its `event:` name (`message` when none) and its `data:` lines joined by `\n`. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

const LF = 10;
const CR = 13;

/**
 * A parser of the `text/event-stream` format (html.spec.whatwg.org, "Interpreting an event
 * stream") fed in pieces of any size: lines end in CRLF, LF or CR (a CRLF split between two pieces
 * counts once); a blank line dispatches; `:` starts a comment; one space after the colon is
 * dropped; an event without data is not dispatched; an unfinished event at the end is dropped.
 * An event larger than `maxEventChars` is dropped whole and counted in `dropped`.
 */
export class SseParser {
  private partial = '';
  private afterCr = false;
  private started = false;
  private name = '';
  private data: string[] = [];
  private size = 0;
  private oversized = false;
  /** Events dropped for being larger than the limit. */
  dropped = 0;

  constructor(private readonly maxEventChars = 4 * 1024 * 1024) {}

  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text !== '') {
      if (this.afterCr && text.charCodeAt(0) === LF) text = text.slice(1);
      this.afterCr = false;
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== LF && code !== CR) continue;
      this.line(this.partial + text.slice(start, i), events);
      this.partial = '';
      if (code === CR) {
        if (i + 1 === text.length) this.afterCr = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    this.partial += text.slice(start);
    if (this.partial.length + this.size > this.maxEventChars) {
      this.oversized = true;
      this.partial = '';
    }
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') return this.dispatch(events);
    if (this.oversized || line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.name = value;
    else if (field === 'data') this.addData(value);
  }

  private addData(value: string): void {
    this.size += value.length + 1;
    if (this.size > this.maxEventChars) this.oversized = true;
    else this.data.push(value);
  }

  private dispatch(events: SseEvent[]): void {
    if (this.oversized) this.dropped++;
    else if (this.data.length > 0) events.push({ event: this.name === '' ? 'message' : this.name, data: this.data.join('\n') });
    this.name = '';
    this.data = [];
    this.size = 0;
    this.oversized = false;
  }
}
