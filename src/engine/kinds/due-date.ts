import { bi } from '../../core/i18n';
import type { DueDateCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { allTrueLeaf } from '../conditions';
import { undecided, type Observation } from '../observation';
import { labels, missingFields, toPath, valueAt } from './context';
import { trueExpected, type CheckKind } from './kind';
import { BARE_FIELD_PATH_SCHEMA, checkSchema, NOTE_SCHEMA, topField, WORDING_SCHEMA } from './schema';

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

export const dueDateKind: CheckKind<DueDateCheck> = {
  kind: 'due_date',
  meta: {
    perRecord: false,
    description: bi(
      '某事须已完成,且不晚于报告年度之后的某一日完成(如年度报告于次年 3 月 31 日前公开);期限未到的,结果为“待到期”',
      'Something is done, and done by a day relative to the reporting year (the annual report by 31 March after it); before that day it is pending',
    ),
    statuses: ['pass', 'fail', 'pending', 'missing_data', 'not_applicable'],
    schema: checkSchema('due_date', ['done', 'date', 'due', 'wording'], {
      note: NOTE_SCHEMA,
      wording: WORDING_SCHEMA,
      done: topField(['flag'], BARE_FIELD_PATH_SCHEMA),
      date: topField(['date'], BARE_FIELD_PATH_SCHEMA),
      due: {
        type: 'object',
        additionalProperties: false,
        required: ['year_offset', 'month_day'],
        properties: {
          year_offset: { type: 'integer', minimum: 0 },
          month_day: { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' },
        },
      },
    }),
  },
  condition: (_check, fact) => allTrueLeaf(fact),
  expected: trueExpected,
  measure: measureDueDate,
  words: {
    due: ({ due }) => {
      const [month, day] = due.month_day.split('-').map(Number);
      const year = due.year_offset === 0 ? bi('报告年度', 'the reporting year') : due.year_offset === 1 ? bi('报告年度的次年', 'the year after the reporting year') : bi(`报告年度后第 ${due.year_offset} 年`, `${due.year_offset} years after the reporting year`);
      return bi(`不晚于${year.zh} ${month} 月 ${day} 日;此前未完成的,记为待到期`, `by ${month}/${day} of ${year.en}; not done before then is pending`);
    },
    pending: (_check, _observation, _expected, _found, due) => bi(`尚未完成;${due.zh}`, `not done yet; ${due.en}`),
  },
};
