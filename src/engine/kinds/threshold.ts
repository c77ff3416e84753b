import { exactOf } from '../../core/exact-number';
import { bi } from '../../core/i18n';
import type { MilestoneCheck, ThresholdCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation } from '../observation';
import { missingFields, toPath, valueAt, yearEnd } from './context';

/** Why a shortfall is not yet a failure on the day the data was compiled, or undefined when it is. */
function notYetDue(check: ThresholdCheck | MilestoneCheck, submission: Submission): Observation['notYetDue'] {
  const { year, asOf } = submission;
  if (check.kind === 'milestone') {
    if (year < check.due_year) return bi(`须于 ${check.due_year} 年底前达到`, `due by the end of ${check.due_year}`);
    if (year === check.due_year && asOf < yearEnd(year)) return bi(`须于 ${year} 年底前达到,数据截至 ${asOf}`, `due by the end of ${year}; the data runs to ${asOf}`);
    return undefined;
  }
  if (check.annual && asOf < yearEnd(year)) return bi(`本年度尚未结束(数据截至 ${asOf}),年底前达到即可`, `the year is not over (the data runs to ${asOf}); it may still be reached by the end of ${year}`);
  return undefined;
}

/** A value compared with a threshold; a milestone is the same comparison, read against its due year later. */
export function measureThreshold(check: ThresholdCheck | MilestoneCheck, submission: Submission): Observation {
  const value = valueAt(submission, check.field);
  if (value === undefined) return missingFields([check.field]);
  const written = submission.exacts.get(check.field) ?? exactOf(value as number);
  const pending = notYetDue(check, submission);
  return { actual: value as number, exact: written, problems: [], notes: [], checked: 0, fields: [toPath(check.field)], ...(pending ? { notYetDue: pending } : {}) };
}
