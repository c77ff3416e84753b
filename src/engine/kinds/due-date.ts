import { bi } from '../../core/i18n';
import type { DueDateCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { undecided, type Observation } from '../observation';
import { labels, missingFields, toPath, valueAt } from './context';

/** The last day on time for a submission's year: the annual report on year Y by 31 March of Y+1. */
export function dueDateOf(check: DueDateCheck, year: number): string {
  return `${year + check.due.year_offset}-${check.due.month_day}`;
}

/**
 * Done, and done by a date: a date on or before the last day passes; a later one fails; not done passes
 * nothing, and is pending while the last day has not come by the day the data was compiled.
 */
export function measureDueDate(check: DueDateCheck, submission: Submission): Observation {
  const done = valueAt(submission, check.done);
  const date = valueAt(submission, check.date) as string | undefined;
  const due = dueDateOf(check, submission.year);
  const fields = [toPath(check.done), toPath(check.date)];
  if (date !== undefined) {
    const onTime = date <= due;
    const detail = onTime ? undefined : bi(`${date} 公开,最迟应于 ${due} 公开`, `published on ${date}; due by ${due} at the latest`);
    return { actual: onTime, problems: [], notes: [], checked: 0, fields, ...(detail ? { detail } : {}) };
  }
  if (done === true) {
    const named = labels([check.date]);
    return undecided('missing_data', bi(`未填写:${named.zh},无法核对是否在 ${due} 或之前公开`, `${named.en} is not given, so whether it was done by ${due} cannot be checked`));
  }
  if (done === false) {
    const pending = submission.asOf <= due ? bi(`期限未到:最迟应于 ${due} 公开,数据截至 ${submission.asOf}`, `not yet due: due by ${due}; the data runs to ${submission.asOf}`) : undefined;
    return { actual: false, problems: [], notes: [], checked: 0, fields, ...(pending ? { notYetDue: pending } : {}) };
  }
  return missingFields([check.done, check.date]);
}
