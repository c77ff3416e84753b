import type { RuleOutcome } from '../engine/engine';
import { kindOf } from '../engine/kinds';
import type { Status } from './types';

/**
 * The status of a rule on a submission. An undecided observation keeps its status (missing data is never
 * a pass). A per-record rule fails on any failing record, is missing data on a record it cannot judge, is
 * pending while a record is not yet due, and warns when every shortfall has a stated exception. A target not
 * reached while it is not yet due (a milestone, a yearly count before the year's end) is pending.
 */
export function statusOf({ rule, observation, met }: RuleOutcome): Status {
  if (observation.undecided) return observation.undecided.status;
  if (kindOf(rule.check).meta.perRecord) {
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
