import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import { foldCheck, isComposite, pathText, type CheckPath } from '../pack/check-tree';
import type { Rule } from '../pack/types';
import { givenLeaf, settledLeaf, type LeafCondition } from './conditions';
import { kindOf } from './kinds';

/**
 * The json-rules-engine fact of one leaf of a rule: the rule's id for a check of a kind (one leaf), the id and the
 * leaf's path for a composite's leaves (`HN-07-x all[1]`). Each leaf's fact is its own Observation.
 */
export function factName(ruleId: string, path: CheckPath): string {
  return path.length === 0 ? ruleId : `${ruleId} ${pathText(path)}`;
}

/** json-rules-engine's condition tree, as a composite compiles to it. */
type ConditionTree = LeafCondition | { all: ConditionTree[] } | { any: ConditionTree[] } | { not: ConditionTree };

/**
 * One json-rules-engine rule per target. A check of a kind is a single leaf condition on the rule's own fact (its
 * Observation), so the leaf's operator and value state the requirement directly. A composite is json-rules-engine's
 * own condition tree: `all` and `any` as they are, each leaf on its own fact, and every `not` under a guard that each
 * leaf it covers is settled (it can only pass or fail), so that the engine's own verdict is never true for a `not`
 * over missing data (a missing value passes a `not:`: json-rules-engine-notes.md); a `first_given` is an `any` of
 * its alternatives, each guarded by its own data being given and that of every one before it not. The finding's status is read off
 * every leaf's result in the evaluated tree (findings/combine.ts), not off the engine's verdict alone. Figures are
 * compared as exact rationals.
 */
export function compileRule(rule: Rule): RuleProperties {
  const event = { type: 'target-met', params: { rule: rule.id } };
  if (!isComposite(rule.check)) return { name: rule.id, conditions: { all: [kindOf(rule.check).condition(rule.check, rule.id)] }, event };
  const conditions = foldCheck<ConditionTree>(rule.check, {
    leaf: ({ check, path }) => kindOf(check).condition(check, factName(rule.id, path)),
    all: (items) => ({ all: items }),
    any: (items) => ({ any: items }),
    not: (item, leaves) => ({ all: [...leaves.map((leaf) => settledLeaf(factName(rule.id, leaf.path))), { not: item }] }),
    // The first alternative whose data is given decides: each one holds only where every one before it is not given.
    first: (items, leaves) => ({
      any: items.map((item, i) => ({ all: [...leaves.slice(0, i).map((before) => givenLeaf(factName(rule.id, before.path), false)), givenLeaf(factName(rule.id, leaves[i].path), true), item] })),
    }),
  });
  return { name: rule.id, conditions: conditions as TopLevelCondition, event };
}
