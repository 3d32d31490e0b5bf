/**
 * Work on many items without holding the thread: items are done in slices of about `sliceMs`
 * (at least one item each), the thread given back between slices. An item added while it waits
 * is done once; `dispose` drops what is left.
 */
export interface SliceOptions {
  readonly sliceMs: number;
  readonly now?: () => number;
  /** Gives the thread back between slices. */
  readonly yieldThread?: () => Promise<void>;
  /** Hears the end of every slice (to hand on what the slice made in one go). */
  readonly afterSlice?: () => void;
}

export class SlicedQueue<T> {
  private readonly queue = new Set<T>();
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly work: (item: T) => void,
    private readonly options: SliceOptions,
  ) {}

  /** Queues the items; the first slice runs now. Resolves when the queue is empty (or disposed). */
  add(items: Iterable<T>): Promise<void> {
    if (this.disposed) return this.done;
    for (const item of items) this.queue.add(item);
    if (!this.running) this.done = this.drain();
    return this.done;
  }

  dispose(): void {
    this.disposed = true;
    this.queue.clear();
  }

  private async drain(): Promise<void> {
    this.running = true;
    for (;;) {
      this.slice();
      if (this.queue.size === 0) break;
      await (this.options.yieldThread ?? nextTurn)();
    }
    this.running = false;
  }

  private slice(): void {
    const now = this.options.now ?? Date.now;
    const end = now() + this.options.sliceMs;
    for (const item of this.queue) {
      this.queue.delete(item);
      this.work(item);
      if (now() >= end) break;
    }
    this.options.afterSlice?.();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
