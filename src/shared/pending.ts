/** Counts work in flight, so that `idle()` can resolve once everything started has settled. */
export class Pending {
  private count = 0;
  private waiters: Array<() => void> = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work;
    } finally {
      this.count--;
      if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  /** Whether some work started is still in flight. */
  busy(): boolean {
    return this.count > 0;
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Resolves on the event loop's next turn: a feature's start chained to it runs after activate() has returned. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
