/**
 * Growable typed arrays for the lcov parser: the numbers live outside the JS heap, so the
 * garbage collector never copies them, and growing costs one allocation per doubling.
 */

/** A growable Float64Array. */
export class NumList {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  view(start = 0, end = this.length): Float64Array {
    return this.data.subarray(start, end);
  }
}

/** Key/value pairs: DA (line, hits) or BRDA (line, taken), taken 0 for `-`. */
export class PairArena {
  private keyData: Float64Array;
  private valueData: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.keyData = new Float64Array(Math.max(1024, capacity));
    this.valueData = new Float64Array(Math.max(1024, capacity));
  }

  push(key: number, value: number): void {
    if (this.length === this.keyData.length) this.grow();
    this.keyData[this.length] = key;
    this.valueData[this.length++] = value;
  }

  keys(): Float64Array {
    return this.keyData.subarray(0, this.length);
  }

  values(): Float64Array {
    return this.valueData.subarray(0, this.length);
  }

  private grow(): void {
    const keys = new Float64Array(this.keyData.length * 2);
    const values = new Float64Array(this.keyData.length * 2);
    keys.set(this.keyData);
    values.set(this.valueData);
    this.keyData = keys;
    this.valueData = values;
  }
}
