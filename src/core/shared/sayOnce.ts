/**
 * "Say what is wrong once": remembers the last message said for each key (a file, a folder, an
 * SF path), so that the same problem is logged once however often it is found again, a new
 * problem of the same key is said, and a fixed one is said again if it comes back.
 */
export class SayOnce {
  private readonly said = new Map<string, string>();

  /** True the first time `message` is given for `key` (then it is remembered); false while it stays the same. */
  first(key: string, message: string): boolean {
    if (this.said.get(key) === message) return false;
    this.said.set(key, message);
    return true;
  }

  /** The problem of `key` is gone: its next message is said again. */
  forget(key: string): void {
    this.said.delete(key);
  }
}
