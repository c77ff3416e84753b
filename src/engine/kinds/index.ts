import type { Check } from '../../pack/types';
import { SUBMISSION_FIELD, type SubmissionField } from '../../pack/fields';
import type { Submission } from '../../submission/types';
import { answerDeadlineKind } from './answer-deadline';
import { isDated, notInForceReason, thresholdInForce } from '../../pack/thresholds';
import { undecided, type Observation } from '../observation';
import { booleanKind } from './boolean';
import { commentPeriodKind } from './comment-period';
import type { MeasureContext } from './context';
import { disclosureDeadlineKind } from './disclosure-deadline';
import { dueDateKind } from './due-date';
import { everyRecordKind } from './every-record';
import type { CheckKind, JsonSchema } from './kind';
import { legalBasisKind } from './legal-basis';
import { milestoneKind } from './milestone';
import { rateKind } from './rate';
import { thresholdKind } from './threshold';
import { workingDaySpanKind } from './working-day-span';

export type { MeasureContext } from './context';
export type { CheckKind, JsonSchema, KindMeta, KindStatus, KindWords } from './kind';

/**
 * The registry: every check kind, by its name, in the order the pack schema lists them. Each kind's check type is
 * in pack/types.ts; a kind missing here, or defined for another check type, does not compile.
 */
const REGISTRY: { readonly [K in Check['kind']]: CheckKind<Extract<Check, { kind: K }>> } = {
  boolean: booleanKind,
  threshold: thresholdKind,
  rate: rateKind,
  every_record: everyRecordKind,
  comment_period: commentPeriodKind,
  disclosure_deadline: disclosureDeadlineKind,
  milestone: milestoneKind,
  legal_basis: legalBasisKind,
  due_date: dueDateKind,
  answer_deadline: answerDeadlineKind,
  working_day_span: workingDaySpanKind,
};

/** Every kind, in the registry's order. */
export const KINDS: readonly CheckKind[] = Object.values(REGISTRY);

/** The definition of a check's kind. */
export function kindOf(check: Check): CheckKind {
  return REGISTRY[check.kind];
}

/** The kind of this name, or undefined where there is none (for commands that take a kind's name). */
export function kindNamed(name: string): CheckKind | undefined {
  return Object.prototype.hasOwnProperty.call(REGISTRY, name) ? REGISTRY[name as Check['kind']] : undefined;
}

/**
 * Prepares the fact a check compares, by its kind. A check with a threshold is given the value in force in the
 * submission's year (the observation's `threshold`, which its condition compares with); a year before a dated
 * threshold's first entry, or with none in force, is not applicable, said in words, before anything is measured.
 */
export function measure(check: Check, submission: Submission, context: MeasureContext): Observation {
  if (!('threshold' in check)) return kindOf(check).measure(check, submission, context);
  const { threshold } = check;
  const inForce = thresholdInForce(threshold, submission.year);
  if (!inForce && isDated(threshold)) return undecided('not_applicable', notInForceReason(threshold, submission.year));
  return { ...kindOf(check).measure(check, submission, context), ...(inForce ? { threshold: inForce.value } : {}) };
}

/** Kinds whose finding is about records of a list: evidence names each record that falls short. */
export function isPerRecord(check: Check): boolean {
  return kindOf(check).meta.perRecord;
}

/**
 * The submission fields a check names from the top of a submission (a threshold's field, a rate's counts, a
 * per-record kind's list), in the order its kind's schema lists them: read off the schema's `x-submission-field`
 * annotations, so no kind needs code for it. A composite's finding names each leaf by them.
 */
export function topFieldsOf(check: Check): string[] {
  const fields: string[] = [];
  const visit = (schema: JsonSchema | undefined, value: unknown): void => {
    if (!schema || value === undefined) return;
    const field = schema[SUBMISSION_FIELD] as SubmissionField | undefined;
    if (field?.scope === 'top' && typeof value === 'string') fields.push(value);
    if (Array.isArray(value)) value.forEach((item) => visit(schema.items as JsonSchema | undefined, item));
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, child] of Object.entries(properties)) visit(child, (value as Record<string, unknown>)[name]);
    }
  };
  visit(kindOf(check).meta.schema, check);
  return fields;
}

/**
 * The pack schema's `definitions.check`, drawn from the kinds: a `kind` of the registry's names, and for each
 * kind the schema of its check. `npm run schemas` writes it into schemas/rule-pack.schema.json.
 */
export function checkDefinition(): JsonSchema {
  return {
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: KINDS.map((k) => k.kind) } },
    allOf: KINDS.map((k) => ({ if: { required: ['kind'], properties: { kind: { const: k.kind } } }, then: k.meta.schema })),
  };
}

/**
 * The pack schema's `definitions.rule_check`: what a rule's `check` holds, a check of a kind (`definitions.check`)
 * or a composite of them (`definitions.composite_check`). `npm run schemas` writes both beside `definitions.check`.
 */
export function ruleCheckDefinition(): JsonSchema {
  return {
    type: 'object',
    description: 'a check of a kind ({ kind: ... }), or checks combined: { all: [...] }, { any: [...] }, { not: ... }, { first_given: [...] }',
    // With a kind, a check of it; else a composite when it names one; else a check again, so that a check that lost
    // its kind is told so once (缺少必填字段 kind), not that it is no composite.
    allOf: [
      {
        if: { required: ['kind'] },
        then: { $ref: '#/definitions/check' },
        else: { allOf: [{ if: { anyOf: [{ required: ['all'] }, { required: ['any'] }, { required: ['not'] }, { required: ['first_given'] }] }, then: { $ref: '#/definitions/composite_check' }, else: { $ref: '#/definitions/check' } }] },
      },
    ],
  };
}

/**
 * `{ all: [checks] }`, `{ any: [checks] }`, `{ not: check }` or `{ first_given: [checks of a kind] }`, exactly one of
 * them, nestable (pack/check-tree.ts); a `first_given`'s alternatives are checks of a kind, at least two.
 */
export function compositeCheckDefinition(): JsonSchema {
  const checks = { type: 'array', minItems: 1, items: { $ref: '#/definitions/rule_check' } };
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    properties: {
      all: { ...checks, description: 'every one of these checks holds' },
      any: { ...checks, description: 'at least one of these checks holds' },
      not: { $ref: '#/definitions/rule_check' },
      first_given: {
        type: 'array',
        minItems: 2,
        items: { $ref: '#/definitions/check' },
        description: 'the first of these checks whose data is given decides (the records where they are listed, else a stated rate); none given: missing data',
      },
    },
  };
}
