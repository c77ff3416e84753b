import { isUnknownYear } from '../../calendar/working-days';
import { bi } from '../../core/i18n';
import type { WorkingDaySpanCheck } from '../../pack/types';
import { formatRequirement } from '../../pack/units';
import type { Submission } from '../../submission/types';
import { noProblemsLeaf } from '../conditions';
import { COMPARE } from '../operators';
import type { Observation, RecordProblem } from '../observation';
import { isObservation, recordFieldLabels, recordList, recordName, thresholdValue, type MeasureContext } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, LIST_SCHEMA, NOTE_SCHEMA, PERIOD_GROUP_PROPERTIES, RECORD_ID_SCHEMA, thresholdSchema, WORDING_SCHEMA } from './schema';

type Group = Record<string, unknown>;

/**
 * A span of working days between two dates of each record, at least N: the time a legality review had
 * (《重大行政决策程序暂行条例》第二十六条第二款, 审查时间一般不少于7个工作日). The first day is not counted and the
 * last is, as in every working-day count here; holidays and worked weekends come from the State Council's notices,
 * and a span through a year no calendar knows is missing data. A shorter span with a stated reason warns (一般); a
 * record without the dates is missing data, never a pass.
 */
export function measureWorkingDaySpan(check: WorkingDaySpanCheck, submission: Submission, { calendar }: MeasureContext): Observation {
  const list = recordList(submission, check.list);
  if (isObservation(list)) return list;
  const problems: RecordProblem[] = [];
  const days = thresholdValue(check.threshold, submission);
  const required = bi(formatRequirement(check.operator, days, 'working_days', 'zh'), formatRequirement(check.operator, days, 'working_days', 'en'));
  let shortest: number | null = null;
  list.records.forEach((record, index) => {
    const name = recordName(record, index, check.record_id);
    const group = record[check.period] as Group | undefined | null;
    const path = [...list.path, index, check.period];
    if (group === undefined || group === null) {
      const named = recordFieldLabels(check.list, [check.period]);
      problems.push({ record: name, path: [...list.path, index], verdict: 'missing', detail: bi(`未填写:${named.zh}`, `${named.en} is not given`) });
      return;
    }
    const from = String(group[check.from]);
    const to = String(group[check.to]);
    const span = calendar.workingDaysBetween(from, to);
    if (isUnknownYear(span)) {
      problems.push({ record: name, path, verdict: 'unknown_calendar', detail: bi(`缺少 ${span.unknownYear} 年的节假日安排,无法计算 ${from} 至 ${to} 的工作日数;请用 --calendar 提供该年的放假通知`, `no holiday calendar for ${span.unknownYear}, so the working days from ${from} to ${to} cannot be counted; give that year's notice with --calendar`) });
      return;
    }
    shortest = shortest === null ? span.count : Math.min(shortest, span.count);
    if (COMPARE[check.operator](span.count, days)) return;
    const reason = check.exception ? group[check.exception] : undefined;
    const stated = typeof reason === 'string' && reason.trim() !== '';
    problems.push({
      record: name,
      path,
      verdict: stated ? 'warn' : 'fail',
      detail: bi(
        `${from} 至 ${to},共 ${span.count} 个工作日(起算日不计入),要求 ${required.zh}${stated ? `;已说明理由:${reason}` : ',且未说明理由'}`,
        `${from} to ${to} is ${span.count} working day${span.count === 1 ? '' : 's'} (the first day not counted); required ${required.en}${stated ? `; a reason is stated: ${reason}` : ', and no reason is given'}`,
      ),
    });
  });
  return { actual: shortest, problems, notes: [], checked: list.records.length, fields: [] };
}

export const workingDaySpanKind: CheckKind<WorkingDaySpanCheck> = {
  kind: 'working_day_span',
  meta: {
    perRecord: true,
    description: bi(
      '每条记录两个日期之间的工作日数(起算日不计入,按国务院节假日安排计算)须不少于要求的日数;已说明理由的,结果为“警告”',
      'The working days between two dates of each record (the first day not counted, on the State Council\'s holiday calendars) are at least as many as required; a shorter span with a stated reason warns',
    ),
    statuses: ['pass', 'fail', 'warn', 'missing_data', 'not_applicable'],
    schema: checkSchema('working_day_span', ['list', 'period', 'from', 'to', 'operator', 'wording', 'threshold'], {
      note: NOTE_SCHEMA,
      list: LIST_SCHEMA,
      record_id: RECORD_ID_SCHEMA,
      ...PERIOD_GROUP_PROPERTIES,
      operator: { const: '>=' },
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['working_days']),
    }),
  },
  condition: (_check, fact) => noProblemsLeaf(fact),
  expected: comparisonExpected,
  measure: measureWorkingDaySpan,
};
