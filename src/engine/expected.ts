import type { Operator, Unit } from '../pack/types';

/** What a rule requires, in the contract's terms (operator, value, unit): a finding's `expected`. */
export interface Expected {
  operator: Operator;
  value: number | boolean;
  unit: Unit;
  /** A dated threshold: the day the value in force took effect (an addition to the contract's three keys). */
  in_force_from?: string;
}
