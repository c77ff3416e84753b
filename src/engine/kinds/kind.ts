import type { Bilingual, Lang } from '../../core/i18n';
import type { Check, Operator, Threshold, Unit } from '../../pack/types';
import { thresholdNearest } from '../../pack/thresholds';
import type { Submission } from '../../submission/types';
import type { LeafCondition } from '../conditions';
import type { Expected } from '../expected';
import type { Observation } from '../observation';
import type { MeasureContext } from './context';

/** The statuses a rule's outcome can have before waivers are applied (a waiver turns a failure into `waived`). */
export type KindStatus = 'pass' | 'fail' | 'warn' | 'pending' | 'not_applicable' | 'missing_data';

/** A JSON Schema (draft-07) as a plain object, written out as it stands into schemas/. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** What a kind is, for the engine, the findings and the catalogue of kinds. */
export interface KindMeta {
  /** The finding is about the records of a list: its status comes from each record's verdict, its evidence names each record. */
  perRecord: boolean;
  /** One sentence: what the kind checks. */
  description: Bilingual;
  /** Every status a rule of this kind can give, a rule that does not apply (another level, another year) included. */
  statuses: readonly KindStatus[];
  /**
   * The JSON Schema of a `check` of this kind, as schemas/rule-pack.schema.json holds it (`npm run schemas`); its
   * properties that name submission fields are annotated for the pack loader's field proof (see `schema.ts`).
   */
  schema: JsonSchema;
  /** The unit the fields a finding rests on are written in, where it is not the target's: a rate's fields are counts. */
  fieldUnit?: Unit;
}

/** Words of a kind's own, where a finding's common wording does not fit; undefined keeps the common wording. */
export interface KindWords<C extends Check> {
  /** The figure found, as a person reads it. */
  found?(check: C, observation: Observation, lang: Lang): string | undefined;
  /** The message of a target not reached while it is not yet due; `found` is the figure, `due` why it is not yet due. */
  pending?(check: C, observation: Observation, expected: Expected, found: Bilingual, due: Bilingual): Bilingual | undefined;
  /** The message of a target not met. */
  fail?(check: C, observation: Observation): Bilingual | undefined;
  /** When the target falls due, where a rule of the kind sets it (the catalogue and `explain` say it beside the requirement). */
  due?(check: C): Bilingual | undefined;
}

/**
 * A check kind in one place, as an ESLint rule keeps its `meta` beside its `create`: what it is (`meta`), the
 * json-rules-engine condition a rule of it compiles to, what it requires, what it measures, and its own words.
 * A new kind is one file exporting one of these and its tests, with an entry in the registry (`index.ts`) and its
 * check type in `pack/types.ts`; `npm run schemas` then writes its schema into schemas/rule-pack.schema.json. The
 * submission fields it names are proved from that schema alone: each property of `meta.schema` that names a field
 * carries `x-submission-field` (and a list of set choices `x-submission-choices`), written with the helpers of
 * `schema.ts`, and the pack loader (`pack/fields.ts`, which has no code for any kind) proves what they say.
 */
export interface CheckKind<C extends Check = Check> {
  kind: C['kind'];
  meta: KindMeta;
  /** The json-rules-engine leaf condition of a check (a rule's one check, or a leaf of its composite), on its own fact (its Observation). */
  condition(check: C, fact: string): LeafCondition;
  /** What the rule requires in a reporting year, in the contract's terms (a finding's `expected`). */
  expected(check: C, year: number): Expected;
  /** Prepares the fact the condition compares, from the submission, before the engine runs. */
  measure(check: C, submission: Submission, context: MeasureContext): Observation;
  words?: KindWords<C>;
}

/** Required of a kind whose target is a truth: the field (or every field) is true. */
export function trueExpected(): Expected {
  return { operator: '=', value: true, unit: 'boolean' };
}

/** Required of a kind whose target is that every record meets it: all of them, a ratio of 1. */
export function everyRecordExpected(): Expected {
  return { operator: '=', value: 1, unit: 'ratio' };
}

/**
 * Required of a kind with a comparison and a threshold of its own: the value in force in the year, and for a dated
 * threshold the day it took effect (in a year with none in force, the entry nearest to it: see pack/thresholds.ts).
 */
export function comparisonExpected(check: { operator: Operator; threshold: Threshold }, year: number): Expected {
  const required = thresholdNearest(check.threshold, year);
  return { operator: check.operator, value: required.value, unit: required.unit, ...(required.from !== undefined ? { in_force_from: required.from } : {}) };
}
