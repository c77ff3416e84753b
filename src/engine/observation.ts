import type { Exact } from '../core/exact-number';
import type { Bilingual } from '../core/i18n';
import type { FieldPath } from '../intake/field-path';

/** What a finding reports as found: a number, a truth, the truths of several fields, or nothing. */
export type Actual = number | boolean | Record<string, boolean> | null;

/** How one record of a per-record rule falls short. */
export type RecordVerdict = 'fail' | 'warn' | 'missing' | 'unknown_calendar';

/** What is said of a record that neither meets nor misses the rule: not yet due, lawfully exempt, or read by inference. */
export type RecordRemark = 'not_due' | 'exempt' | 'inferred';

export interface RecordProblem {
  record: string;
  path: FieldPath;
  verdict: RecordVerdict;
  detail: Bilingual;
}

export interface RecordNote {
  record: string;
  path: FieldPath;
  remark: RecordRemark;
  detail: Bilingual;
}

/** Decided before anything is compared, so the engine never sees a missing value. */
export interface Undecided {
  status: 'missing_data' | 'not_applicable';
  reason: Bilingual;
}

/**
 * A rule's view of one submission, prepared from the data before the engine runs:
 * the fact the rule's single condition compares.
 */
export interface Observation {
  undecided?: Undecided;
  actual: Actual;
  /** The compared figure as an exact rational (threshold, rate and milestone rules). */
  exact?: Exact;
  /** A check with a threshold: the value in force in the submission's year, which its condition compares with. */
  threshold?: number;
  /** Per-record rules: the records that fall short, each with what is wrong. */
  problems: RecordProblem[];
  /** Per-record rules: records not judged (not yet due, exempt) or judged by inference, each said in the evidence. */
  notes: RecordNote[];
  /** Per-record rules: how many records were checked. */
  checked: number;
  /** The fields the finding rests on, for the bureau's own sources as evidence. */
  fields: FieldPath[];
  /** What the finding says beyond found against required (a date later than the last day on time). */
  detail?: Bilingual;
  /** The rule is not due yet on the date the data was compiled: a shortfall is progress, not failure. */
  notYetDue?: Bilingual;
}

export function undecided(status: Undecided['status'], reason: Bilingual): Observation {
  return { undecided: { status, reason }, actual: null, problems: [], notes: [], checked: 0, fields: [] };
}
