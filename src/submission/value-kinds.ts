import { schemaFieldsOf, type ValueKind } from '../intake/schema-labels';

export const SUBMISSION_SCHEMA = 'submission.schema.json';

const FIELDS = schemaFieldsOf(SUBMISSION_SCHEMA);

/**
 * The typed scalar at each field of the submission schema, keyed by the path with list indexes
 * written `[]` (`major_decisions.items[].public_consultation.from`). Read from the schema itself,
 * so a field added there is normalised without code.
 */
export const VALUE_KINDS: { get(general: string): ValueKind | undefined } = { get: (general) => FIELDS.get(general)?.kind };
