import type { Operator } from '../pack/types';
import { OPERATOR_NAMES } from './operators';

/** Names of the engine's own operators beside the comparisons: every field true; no record falls short; settled. */
export const ALL_TRUE = 'allTrue';
export const NO_PROBLEMS = 'noProblems';
export const SETTLED = 'settled';
export const GIVEN = 'given';

/** The value a leaf compares with: a constant, or a key of the leaf's own fact (the threshold in force that year). */
export type LeafValue = number | boolean | { fact: string; path: 'threshold' };

/** A json-rules-engine leaf condition on one leaf's fact, its Observation: the key it reads, compared so. */
export interface LeafCondition {
  fact: string;
  /** Without a path the operator is given the whole observation (the `settled` guard). */
  path?: 'actual' | 'exact' | 'problems';
  operator: string;
  value: LeafValue;
}

/**
 * The figure found (as an exact rational) compared with the threshold in force in the submission's year, which the
 * leaf's observation carries (`threshold`): a dated threshold has no one value to compile in.
 */
export function compared(fact: string, operator: Operator): LeafCondition {
  return { fact, path: 'exact', operator: OPERATOR_NAMES[operator], value: { fact, path: 'threshold' } };
}

/** The truth found (or every truth of several fields) is true. */
export function allTrueLeaf(fact: string): LeafCondition {
  return { fact, path: 'actual', operator: ALL_TRUE, value: true };
}

/** No record of the list falls short. */
export function noProblemsLeaf(fact: string): LeafCondition {
  return { fact, path: 'problems', operator: NO_PROBLEMS, value: true };
}

/**
 * The leaf can only pass or fail: nothing in it is missing, not yet due, excused or out of scope. A `not` is compiled
 * under this guard for every leaf it covers, so that json-rules-engine's own evaluation of a `not` over a leaf with
 * missing data is false, never a pass (json-rules-engine-notes.md: a missing value passes `not:`).
 */
export function settledLeaf(fact: string): LeafCondition {
  return { fact, operator: SETTLED, value: true };
}

/** The leaf's data is given (`true`) or not (`false`): a `first_given` takes the first alternative that is (compile.ts). */
export function givenLeaf(fact: string, isGiven: boolean): LeafCondition {
  return { fact, operator: GIVEN, value: isGiven };
}
