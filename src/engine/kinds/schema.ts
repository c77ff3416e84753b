import type { Check, Unit } from '../../pack/types';
import type { JsonSchema } from './kind';

/**
 * The pieces the kinds' schema fragments share. Each kind writes the schema of its `check` with them; the
 * registry assembles schemas/rule-pack.schema.json's `definitions.check` from the fragments (`npm run schemas`).
 */

const FIELD_PATH = '^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*$';

/** A dot path into the submission. */
export const FIELD_PATH_SCHEMA: JsonSchema = { type: 'string', pattern: FIELD_PATH, description: 'dot path into the submission, e.g. services.online_handling_rate' };

/** A dot path into the submission, without a description of its own. */
export const BARE_FIELD_PATH_SCHEMA: JsonSchema = { type: 'string', pattern: FIELD_PATH };

/** The name of one field of a record. */
export const RECORD_FIELD_SCHEMA: JsonSchema = { type: 'string', pattern: '^[a-z_][a-z0-9_]*$' };

export const NOTE_SCHEMA: JsonSchema = { type: 'string', description: 'how the rule reads the source where the wording alone does not say (kept with the rule for reviewers)' };

export const WORDING_SCHEMA: JsonSchema = {
  type: 'string',
  minLength: 1,
  description: 'the words of the source that set the comparison (不低于, 以上, 不少于, 达到, 以内...); must stand in the quote',
};

export const OPERATOR_SCHEMA: JsonSchema = { type: 'string', enum: ['>=', '>', '<=', '<', '='] };

export const RECORD_ID_SCHEMA: JsonSchema = { type: 'string', description: 'the record field that names the record in evidence (default: id)' };

export const EXEMPT_WHEN_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field'],
  properties: { field: RECORD_FIELD_SCHEMA },
  description: 'records with this field given (a lawful ground for not disclosing) are left out, counted and listed',
};

/** A threshold in one of the units a kind allows. */
export function thresholdSchema(units: readonly Unit[]): JsonSchema {
  return {
    type: 'object',
    required: ['value', 'unit'],
    additionalProperties: false,
    properties: { value: { type: 'number', minimum: 0 }, unit: { type: 'string', enum: units } },
  };
}

/** The schema of a `check` of one kind: its `kind`, then the keys it requires and the ones it allows, nothing else. */
export function checkSchema(kind: Check['kind'], required: readonly string[], properties: Readonly<Record<string, JsonSchema>>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: ['kind', ...required], properties: { kind: { const: kind }, ...properties } };
}
