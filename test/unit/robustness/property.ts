import fc from 'fast-check';
import { PROPERTY_RUNS, type PropertyName } from './figures';

/** Runs a property exactly as many times as figures.ts says, fails with fast-check's report, and prints the count. */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(name: PropertyName, property: fc.IProperty<Ts>): void {
  const details = fc.check(property, { numRuns: PROPERTY_RUNS[name] });
  if (details.failed) throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}`);
  if (details.numRuns !== PROPERTY_RUNS[name]) throw new Error(`${name}: ran ${details.numRuns} times, expected ${PROPERTY_RUNS[name]}`);
  console.log(`[property] ${name}: ${details.numRuns} runs passed`);
}

/** The same for async properties. */
export async function checkAsyncProperty<Ts extends [unknown, ...unknown[]]>(name: PropertyName, property: fc.IAsyncProperty<Ts>): Promise<void> {
  const details = await fc.check(property, { numRuns: PROPERTY_RUNS[name] });
  if (details.failed) throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}`);
  if (details.numRuns !== PROPERTY_RUNS[name]) throw new Error(`${name}: ran ${details.numRuns} times, expected ${PROPERTY_RUNS[name]}`);
  console.log(`[property] ${name}: ${details.numRuns} runs passed`);
}
