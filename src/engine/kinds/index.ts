import type { Check } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation } from '../observation';
import { answerDeadlineKind } from './answer-deadline';
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

/** Prepares the fact a rule compares, by the kind of its check. */
export function measure(check: Check, submission: Submission, context: MeasureContext): Observation {
  return kindOf(check).measure(check, submission, context);
}

/** Kinds whose finding is about records of a list: evidence names each record that falls short. */
export function isPerRecord(check: Check): boolean {
  return kindOf(check).meta.perRecord;
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
