/**
 * Growable typed arrays for the lcov parser: the numbers live outside the JS heap, so the
 * garbage collector never copies them, and growing costs one allocation per doubling. Reads go
 * through keyAt/valueAt: a `subarray` view is a heap object, made only for the final result.
 */

/**
 * Key/value pairs: DA (line, hits) or BRDA (line, taken), taken 0 for `-`. Keys are 0-based line
 * numbers (Uint32, so a file's `lines` is a view of them, no copy); values are counts (Float64:
 * hit counts can pass 2^32).
 */
export class PairArena {
  private keyData: Uint32Array;
  private valueData: Float64Array;
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(1024, capacity);
    this.keyData = new Uint32Array(size);
    this.valueData = new Float64Array(size);
  }

  push(key: number, value: number): void {
    if (this.length === this.keyData.length) this.grow();
    this.keyData[this.length] = key;
    this.valueData[this.length++] = value;
  }

  /** The key at `i` (< length), read without making a view. */
  keyAt(i: number): number {
    return this.keyData[i] as number;
  }

  valueAt(i: number): number {
    return this.valueData[i] as number;
  }

  addToValue(i: number, amount: number): void {
    this.valueData[i] = (this.valueData[i] as number) + amount;
  }

  /** The keys so far, as a view (valid until the next push). */
  keys(): Uint32Array {
    return this.keyData.subarray(0, this.length);
  }

  values(): Float64Array {
    return this.valueData.subarray(0, this.length);
  }

  private grow(): void {
    const keys = new Uint32Array(this.keyData.length * 2);
    const values = new Float64Array(this.keyData.length * 2);
    keys.set(this.keyData);
    values.set(this.valueData);
    this.keyData = keys;
    this.valueData = values;
  }
}
