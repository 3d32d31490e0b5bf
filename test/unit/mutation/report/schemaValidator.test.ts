import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, schemaValidatorSource } from '../../../../src/core/mutation/report/schemaValidatorSource';

const GENERATED = path.resolve(__dirname, '../../../../src/core/mutation/report/schemaValidator.generated.js');

describe('the generated schema validator', () => {
  it('is what ajv generates today from the schema (else: npm run generate:validator)', () => {
    const source = schemaValidatorSource();
    expect(source.slice(0, GENERATED_HEADER.length)).toBe(GENERATED_HEADER);
    expect(source.split('\n').length).toBe(3);
    expect(readFileSync(GENERATED, 'utf8') === source ? 'current' : 'stale: run npm run generate:validator').toBe('current');
  });
});
