/**
 * A file read while its writer is still writing it looks cut off (an lcov file without its last
 * end_of_record, a JSON report that ends early). Such a read is tried again a few times, a short
 * while apart, before its failure counts.
 */
export interface RetryPolicy {
  /** Reads after the first one. */
  readonly retries: number;
  readonly delayMs: number;
}

export const HALF_WRITTEN_RETRY: RetryPolicy = { retries: 10, delayMs: 200 };

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads until the result is not `halfWritten` or the retries are spent; returns the last result. */
export async function readWhileHalfWritten<T>(read: () => Promise<T>, halfWritten: (result: T) => boolean, policy: RetryPolicy = HALF_WRITTEN_RETRY, wait: (ms: number) => Promise<void> = pause): Promise<T> {
  let result = await read();
  for (let retry = 0; retry < policy.retries && halfWritten(result); retry++) {
    await wait(policy.delayMs);
    result = await read();
  }
  return result;
}
