import type { LeafOutcome, RuleOutcome } from '../engine/engine';
import { kindOf } from '../engine/kinds';
import { chosenAlternative } from '../engine/operators';
import { foldCheck } from '../pack/check-tree';
import { allOf, anyOf, notOf, type LeafStatus } from './combine';

/**
 * The status of one leaf (a check of a kind) on a submission. An undecided observation keeps its status (missing
 * data is never a pass). A per-record check fails on any failing record, is missing data on a record it cannot
 * judge, is pending while a record is not yet due, and warns when every shortfall has a stated exception. A target
 * not reached while it is not yet due (a milestone, a yearly count before the year's end) is pending.
 */
export function leafStatus({ check, observation, met }: Pick<LeafOutcome, 'check' | 'observation' | 'met'>): LeafStatus {
  if (observation.undecided) return observation.undecided.status;
  if (kindOf(check).meta.perRecord) {
    const verdicts = new Set(observation.problems.map((p) => p.verdict));
    if (verdicts.has('fail')) return 'fail';
    if (verdicts.has('missing') || verdicts.has('unknown_calendar')) return 'missing_data';
    if (observation.notes.some((n) => n.remark === 'not_due')) return 'pending';
    if (verdicts.has('warn')) return 'warn';
    return met ? 'pass' : 'fail';
  }
  if (met) return 'pass';
  return observation.notYetDue ? 'pending' : 'fail';
}

/**
 * The status of a rule on a submission: its one leaf's, or its composite's, made from every leaf's status by the
 * logic of findings/combine.ts along the rule's tree (never the engine's verdict on the whole: a `not` over missing
 * data would pass there).
 */
export function statusOf({ rule, leaves }: RuleOutcome): LeafStatus {
  const byPath = new Map(leaves.map((leaf) => [JSON.stringify(leaf.path), leafStatus(leaf)]));
  return foldCheck<LeafStatus>(rule.check, {
    leaf: ({ path }) => byPath.get(JSON.stringify(path)) ?? 'missing_data',
    all: allOf,
    any: anyOf,
    not: notOf,
    first: (items, alternatives) => items[chosenOf(leaves, alternatives)] ?? 'missing_data',
  });
}

/** The alternative of a `first_given` that decides, by its index among them; -1 when no alternative's data is given. */
export function chosenOf(leaves: readonly LeafOutcome[], alternatives: readonly { path: LeafOutcome['path'] }[]): number {
  const byPath = new Map(leaves.map((leaf) => [JSON.stringify(leaf.path), leaf.observation]));
  return chosenAlternative(alternatives.map(({ path }) => byPath.get(JSON.stringify(path))));
}
