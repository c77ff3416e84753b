import { compareExact, exactOf, isExact, type Exact } from '../core/exact-number';
import type { Operator } from '../pack/types';
import type { Observation } from './observation';

/** A finite number or an exact rational, as an exact rational; anything else (undefined, "45") is not a figure. */
function asExact(value: unknown): Exact | undefined {
  if (isExact(value)) return value;
  return typeof value === 'number' && Number.isFinite(value) ? exactOf(value) : undefined;
}

function comparison(test: (order: -1 | 0 | 1) => boolean): (actual: unknown, expected: unknown) => boolean {
  return (actual, expected) => {
    const [a, e] = [asExact(actual), asExact(expected)];
    return a !== undefined && e !== undefined && test(compareExact(a, e));
  };
}

/**
 * The comparisons, exact and strict: rationals with no tolerance (89.9999999% is below 90%), and a value
 * that is not a figure never passes, unlike json-rules-engine's built-ins, which coerce "45" through
 * parseFloat and let undefined pass `notEqual`.
 */
export const COMPARE: Readonly<Record<Operator, (actual: unknown, expected: unknown) => boolean>> = {
  '>=': comparison((o) => o >= 0),
  '>': comparison((o) => o > 0),
  '<=': comparison((o) => o <= 0),
  '<': comparison((o) => o < 0),
  '=': comparison((o) => o === 0),
};

/** Names under which the comparisons are registered with json-rules-engine. */
export const OPERATOR_NAMES: Readonly<Record<Operator, string>> = {
  '>=': 'atLeast',
  '>': 'moreThan',
  '<=': 'atMost',
  '<': 'lessThan',
  '=': 'equalTo',
};

/** True only for `true`, or for a non-empty object of fields that are all `true`. */
export function allTrue(actual: unknown): boolean {
  if (actual === true) return true;
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const values = Object.values(actual);
  return values.length > 0 && values.every((value) => value === true);
}

/** True only for an array with nothing in it: the list of records that fall short. */
export function noProblems(actual: unknown): boolean {
  return Array.isArray(actual) && actual.length === 0;
}

/**
 * True only for an observation that can only pass or fail: decided, due, and with no record it cannot judge, not yet
 * due, or excused by a stated reason (a warning). What a `not` may negate (compile.ts).
 */
export function settled(actual: unknown): boolean {
  if (actual === null || typeof actual !== 'object') return false;
  const observation = actual as Partial<Observation>;
  if (observation.undecided || observation.notYetDue) return false;
  if (!Array.isArray(observation.problems) || !observation.problems.every((problem) => problem.verdict === 'fail')) return false;
  return !(observation.notes ?? []).some((note) => note.remark === 'not_due');
}

/**
 * True for an observation whose data is given: anything but missing data found before a comparison (the list, the
 * field or a count not written at all). What a `first_given` asks of its alternatives, in order (compile.ts).
 */
export function given(actual: unknown): boolean {
  if (actual === null || typeof actual !== 'object') return false;
  return (actual as Partial<Observation>).undecided?.status !== 'missing_data';
}

/** The alternative of a `first_given` that decides: the first whose data is given, or -1 when none is (an absent one is not). */
export function chosenAlternative(observations: readonly (Observation | undefined)[]): number {
  return observations.findIndex((observation) => given(observation));
}
