import type { ValidateFunction } from 'ajv';

/** ajv's standalone validator of the report schema (see schemaValidatorSource.ts). */
declare const validate: ValidateFunction;
export default validate;
