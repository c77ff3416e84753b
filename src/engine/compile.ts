import type { RuleProperties } from 'json-rules-engine';
import type { Rule } from '../pack/types';
import { isPerRecord } from './kinds';
import { OPERATOR_NAMES } from './operators';

export const ALL_TRUE = 'allTrue';
export const NO_PROBLEMS = 'noProblems';

/**
 * One json-rules-engine rule per target, with a single leaf condition on the rule's own fact (its Observation),
 * so the leaf's operator and value state the requirement directly. Figures are compared as exact rationals.
 */
export function compileRule(rule: Rule): RuleProperties {
  const { check } = rule;
  let leaf;
  if (isPerRecord(check)) leaf = { fact: rule.id, path: 'problems', operator: NO_PROBLEMS, value: true };
  else if (check.kind === 'boolean' || check.kind === 'due_date') leaf = { fact: rule.id, path: 'actual', operator: ALL_TRUE, value: true };
  else leaf = { fact: rule.id, path: 'exact', operator: OPERATOR_NAMES[check.operator], value: check.threshold.value };
  return { name: rule.id, conditions: { all: [leaf] }, event: { type: 'target-met', params: { rule: rule.id } } };
}
