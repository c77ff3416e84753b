import type { Operator } from '../pack/types';

/** Ratios like 27/30 may land a hair off 0.9 in binary; a difference this small is no difference. */
const TOLERANCE = 1e-9;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The comparisons, strict: a value that is not a finite number never passes, unlike
 * json-rules-engine's built-ins, which coerce "45" through parseFloat and let undefined pass `notEqual`.
 */
export const COMPARE: Readonly<Record<Operator, (actual: unknown, expected: number) => boolean>> = {
  '>=': (a, e) => isNumber(a) && a >= e - TOLERANCE,
  '>': (a, e) => isNumber(a) && a > e + TOLERANCE,
  '<=': (a, e) => isNumber(a) && a <= e + TOLERANCE,
  '<': (a, e) => isNumber(a) && a < e - TOLERANCE,
  '=': (a, e) => isNumber(a) && Math.abs(a - e) <= TOLERANCE,
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
