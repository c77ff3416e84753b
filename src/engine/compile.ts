import type { RuleProperties } from 'json-rules-engine';
import type { Rule } from '../pack/types';
import { kindOf } from './kinds';

/**
 * One json-rules-engine rule per target, with a single leaf condition on the rule's own fact (its Observation),
 * so the leaf's operator and value state the requirement directly; the rule's kind says which leaf. Figures are
 * compared as exact rationals.
 */
export function compileRule(rule: Rule): RuleProperties {
  const leaf = kindOf(rule.check).condition(rule.check, rule.id);
  return { name: rule.id, conditions: { all: [leaf] }, event: { type: 'target-met', params: { rule: rule.id } } };
}
