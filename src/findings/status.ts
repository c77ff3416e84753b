import type { RuleOutcome } from '../engine/engine';
import { isPerRecord } from '../engine/kinds';
import type { Submission } from '../submission/types';
import type { Status } from './types';

/**
 * The status of a rule on a submission. An undecided observation keeps its status (missing data is never
 * a pass); a per-record rule fails on any failing record, is missing data on a record it cannot judge,
 * and warns when every shortfall has a stated exception.
 */
export function statusOf({ rule, observation, met }: RuleOutcome, submission: Submission): Status {
  if (observation.undecided) return observation.undecided.status;
  if (met) return 'pass';
  if (isPerRecord(rule.check)) {
    const verdicts = new Set(observation.problems.map((p) => p.verdict));
    if (verdicts.has('fail')) return 'fail';
    if (verdicts.has('missing') || verdicts.has('unknown_calendar')) return 'missing_data';
    if (verdicts.has('warn')) return 'warn';
    return 'fail';
  }
  if (rule.check.kind === 'milestone' && submission.year < rule.check.due_year) return 'pending';
  return 'fail';
}
