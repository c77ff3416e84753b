import type { Operator } from '../pack/types';
import { OPERATOR_NAMES } from './operators';

/** Names of the engine's own operators beside the comparisons: every field true; no record falls short. */
export const ALL_TRUE = 'allTrue';
export const NO_PROBLEMS = 'noProblems';

/** A json-rules-engine leaf condition on one rule's fact, its Observation: the key it reads, compared so. */
export interface LeafCondition {
  fact: string;
  path: 'actual' | 'exact' | 'problems';
  operator: string;
  value: number | boolean;
}

/** The figure found (as an exact rational) compared with the target's value. */
export function compared(fact: string, operator: Operator, value: number): LeafCondition {
  return { fact, path: 'exact', operator: OPERATOR_NAMES[operator], value };
}

/** The truth found (or every truth of several fields) is true. */
export function allTrueLeaf(fact: string): LeafCondition {
  return { fact, path: 'actual', operator: ALL_TRUE, value: true };
}

/** No record of the list falls short. */
export function noProblemsLeaf(fact: string): LeafCondition {
  return { fact, path: 'problems', operator: NO_PROBLEMS, value: true };
}
