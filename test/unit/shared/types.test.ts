import { schema } from 'mutation-testing-report-schema';
import { describe, expect, it } from 'vitest';
import { MUTANT_STATUSES } from '../../../src/core/shared/types';

/** The `status` enum of a mutant, as the JSON schema the reports are validated against declares it. */
function schemaStatuses(): string[] {
  const files = (schema as { properties: { files: { additionalProperties: { properties: { mutants: { items: { properties: { status: { enum: string[] } } } } } } } } }).properties.files;
  return files.additionalProperties.properties.mutants.items.properties.status.enum;
}

describe('MUTANT_STATUSES', () => {
  it('is exactly the set of statuses the report schema allows, each once', () => {
    expect(new Set(MUTANT_STATUSES).size).toBe(MUTANT_STATUSES.length);
    expect([...MUTANT_STATUSES].sort()).toEqual([...schemaStatuses()].sort());
  });
});
