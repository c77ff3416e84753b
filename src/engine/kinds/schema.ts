import { SUBMISSION_CHOICES, SUBMISSION_FIELD, type Shape, type SubmissionField } from '../../pack/fields';
import type { Check, Unit } from '../../pack/types';
import type { JsonSchema } from './kind';

/**
 * The pieces the kinds' schema fragments share. Each kind writes the schema of its `check` with them; the
 * registry assembles schemas/rule-pack.schema.json's `definitions.check` from the fragments (`npm run schemas`).
 *
 * A property whose value names a submission field carries `x-submission-field`, and the pack loader proves the
 * field from that alone (pack/fields.ts, which documents the keyword in full): no kind has code of its own there.
 *   - `scope`: `top` (a dot path from the top of a submission), `records` (one field of the records of the check's
 *     list) or `group` (one field of a group inside those records);
 *   - `shapes`: what the check reads there: flag, count, rate, date, text, list, group, choice;
 *   - `shapesWhen: { path, is }` (optional): other shapes for a sibling's value (`threshold.unit` is `ratio`: a rate);
 *   - `opens` (optional): `records` on the list (its records are the `records` scope), `group` on a field of them.
 * An array of set choices of a sibling field carries `x-submission-choices: { of }` (`select.in` of `select.field`).
 * The walk goes in schema order: an opener is listed before what it opens. Example, with the helpers below:
 *   list: LIST_SCHEMA,                        // { type: string, …, x-submission-field: { scope: top, shapes: [list], opens: records } }
 *   text: recordField(['text']),              // { type: string, …, x-submission-field: { scope: records, shapes: [text] } }
 * tests/kinds.test.ts fails for a property that names a field (a field-path or record-field pattern, a record id)
 * without the annotation, so a new kind cannot forget one.
 */

const FIELD_PATH = '^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*$';

/** A dot path into the submission. */
export const FIELD_PATH_SCHEMA: JsonSchema = { type: 'string', pattern: FIELD_PATH, description: 'dot path into the submission, e.g. services.online_handling_rate' };

/** A dot path into the submission, without a description of its own. */
export const BARE_FIELD_PATH_SCHEMA: JsonSchema = { type: 'string', pattern: FIELD_PATH };

const RECORD_FIELD = '^[a-z_][a-z0-9_]*$';

/** The name of one field of a record. */
export const RECORD_FIELD_SCHEMA: JsonSchema = { type: 'string', pattern: RECORD_FIELD };

/** The patterns of a property that names a submission field: each such property is annotated (tests/kinds.test.ts). */
export const FIELD_NAME_PATTERNS: readonly string[] = [FIELD_PATH, RECORD_FIELD];

/** A schema whose value names a submission field, with where and as what the pack loader proves it. */
export function submissionField(schema: JsonSchema, field: SubmissionField): JsonSchema {
  return { ...schema, [SUBMISSION_FIELD]: field };
}

/** A dot path from the top of a submission, read as one of `shapes`. */
export function topField(shapes: readonly Shape[], schema: JsonSchema = FIELD_PATH_SCHEMA): JsonSchema {
  return submissionField(schema, { scope: 'top', shapes });
}

/** One field of the records of the check's list, read as one of `shapes`. */
export function recordField(shapes: readonly Shape[], schema: JsonSchema = RECORD_FIELD_SCHEMA): JsonSchema {
  return submissionField(schema, { scope: 'records', shapes });
}

/** One field of the group of the records the check opened (`opens: 'group'`), read as one of `shapes`. */
export function groupField(shapes: readonly Shape[], schema: JsonSchema = FIELD_PATH_SCHEMA): JsonSchema {
  return submissionField(schema, { scope: 'group', shapes });
}

/** The list of records a per-record kind reads: it opens the `records` scope. */
export const LIST_SCHEMA: JsonSchema = submissionField(FIELD_PATH_SCHEMA, { scope: 'top', shapes: ['list'], opens: 'records' });

/** Set choices of the sibling field `of` (a field of the records, as `select.field`). */
export function choicesOf(of: string): JsonSchema {
  return { type: 'array', items: { type: 'string' }, [SUBMISSION_CHOICES]: { of } };
}

/** A field of a record read as a scalar that names it: text, a count, a choice. */
export const SCALAR_SHAPES: readonly Shape[] = ['text', 'count', 'choice'];

/** Any field of a record but a list: for a field whose presence is what counts. */
export const ANY_RECORD_FIELD_SHAPES: readonly Shape[] = ['flag', 'count', 'rate', 'date', 'text', 'choice', 'group'];

export const NOTE_SCHEMA: JsonSchema = { type: 'string', description: 'how the rule reads the source where the wording alone does not say (kept with the rule for reviewers)' };

export const WORDING_SCHEMA: JsonSchema = {
  type: 'string',
  minLength: 1,
  description: 'the words of the source that set the comparison (不低于, 以上, 不少于, 达到, 以内...); must stand in the quote',
};

export const OPERATOR_SCHEMA: JsonSchema = { type: 'string', enum: ['>=', '>', '<=', '<', '='] };

export const RECORD_ID_SCHEMA: JsonSchema = submissionField({ type: 'string', description: 'the record field that names the record in evidence (default: id)' }, { scope: 'records', shapes: SCALAR_SHAPES });

export const EXEMPT_WHEN_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field'],
  properties: { field: recordField(['text']) },
  description: 'records with this field given (a lawful ground for not disclosing) are left out, counted and listed',
};

/**
 * The properties of a check that reads a period held in a group of each record (`public_consultation: { from, to,
 * shortened_reason }`): the group, its two dates and the stated exception, in the order the field proof walks.
 */
export const PERIOD_GROUP_PROPERTIES: Readonly<Record<string, JsonSchema>> = {
  // The group of a record that holds the period: from, to and exception are its fields.
  period: submissionField(FIELD_PATH_SCHEMA, { scope: 'records', shapes: ['group'], opens: 'group' }),
  from: groupField(['date']),
  to: groupField(['date']),
  exception: groupField(['text']),
};

const DAY_SCHEMA: JsonSchema = { type: 'string', format: 'date' };

/**
 * One value of a dated threshold: in force from `from`, to `until` or to the day before the next entry's `from`;
 * `quote` is the source's own words for this value (verbatim in the rule's clause), else the rule's quote holds it.
 */
const DATED_VALUE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['from', 'value'],
  additionalProperties: false,
  properties: {
    from: { ...DAY_SCHEMA, description: 'the day the value takes effect (YYYY-MM-DD)' },
    until: { ...DAY_SCHEMA, description: 'the last day it is in force (default: the day before the next entry takes effect)' },
    value: { type: 'number', minimum: 0 },
    quote: { type: 'string', minLength: 2, description: "the source's words for this value, verbatim in the rule's clause" },
  },
};

/**
 * A threshold in one of the units a kind allows: one value (`{ value, unit }`), or values keyed by the day each
 * takes effect (`{ unit, dated: [{ from, value, until?, quote? }] }`, ascending `from`); the value in force on the
 * last day of the reporting year is the one compared with (pack/thresholds.ts).
 */
export function thresholdSchema(units: readonly Unit[]): JsonSchema {
  const unit = { type: 'string', enum: units };
  return {
    type: 'object',
    if: { required: ['dated'] },
    then: { required: ['dated', 'unit'], additionalProperties: false, properties: { unit, dated: { type: 'array', minItems: 1, items: DATED_VALUE_SCHEMA } } },
    else: { required: ['value', 'unit'], additionalProperties: false, properties: { value: { type: 'number', minimum: 0 }, unit } },
  };
}

/** The schema of a `check` of one kind: its `kind`, then the keys it requires and the ones it allows, nothing else. */
export function checkSchema(kind: Check['kind'], required: readonly string[], properties: Readonly<Record<string, JsonSchema>>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: ['kind', ...required], properties: { kind: { const: kind }, ...properties } };
}
