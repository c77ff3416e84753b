import { calendarDaysBetween, dayNumber, fromDayNumber } from '../../core/dates';
import { bi } from '../../core/i18n';
import type { CommentPeriodCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { formatRequirement } from '../../pack/units';
import { noProblemsLeaf } from '../conditions';
import { COMPARE } from '../operators';
import { undecided, type Observation, type RecordProblem } from '../observation';
import { isObservation, recordList, recordName, thresholdValue } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, LIST_SCHEMA, NOTE_SCHEMA, OPERATOR_SCHEMA, PERIOD_GROUP_PROPERTIES, RECORD_ID_SCHEMA, thresholdSchema, WORDING_SCHEMA } from './schema';

interface Period {
  [key: string]: unknown;
}

/** A period one day short is nearly always an inclusive count: say how the law counts, and the end date that meets it. */
function oneDayShort(from: string, days: number, required: number): { zh: string; en: string } {
  if (days !== required - 1) return bi('', '');
  const end = fromDayNumber(dayNumber(from) + required);
  return bi(
    `(起算日 ${from} 当天不计入期限,见《民法典》第二百零一条;满 ${required} 日的截止日应不早于 ${end})`,
    ` (the first day, ${from}, is not counted: Civil Code art. 201; a ${required}-day period ends on ${end} or later)`,
  );
}

/**
 * Consultation periods in calendar days, the first day not counted (《民法典》第二百零一条).
 * A shorter period with a stated exception warns: "一般不少于" admits justified exceptions.
 */
export function measureCommentPeriod(check: CommentPeriodCheck, submission: Submission): Observation {
  const list = recordList(submission, check.list);
  if (isObservation(list)) return list;
  const consulted = list.records.map((record, index) => ({ record, index, period: record[check.period] as Period | undefined })).filter((r) => r.period);
  if (consulted.length === 0) return undecided('not_applicable', bi('没有向社会公开征求意见的决策(未填写公开征求意见)', 'No decision was put out for public comment (no consultation given)'));
  const { operator } = check;
  const required = thresholdValue(check.threshold, submission);
  const problems: RecordProblem[] = [];
  let shortest = Infinity;
  for (const { record, index, period } of consulted) {
    const from = String(period?.[check.from]);
    const to = String(period?.[check.to]);
    const days = calendarDaysBetween(from, to);
    shortest = Math.min(shortest, days);
    if (COMPARE[operator](days, required)) continue;
    const reason = check.exception ? period?.[check.exception] : undefined;
    const stated = typeof reason === 'string' && reason.trim() !== '';
    const requirement = { zh: formatRequirement(operator, required, 'days', 'zh'), en: formatRequirement(operator, required, 'days', 'en') };
    const counting = oneDayShort(from, days, required);
    problems.push({
      record: recordName(record, index, check.record_id),
      path: [...list.path, index, check.period],
      verdict: stated ? 'warn' : 'fail',
      detail: bi(
        `征求意见 ${from} 至 ${to},共 ${days} 日,要求 ${requirement.zh}${counting.zh}${stated ? `;已说明缩短理由:${reason}` : ',且未说明缩短理由'}`,
        `comment period ${from} to ${to} is ${days} day${days === 1 ? '' : 's'}; required ${requirement.en}${counting.en}${stated ? `; shortened for a stated reason: ${reason}` : ', and no reason for shortening it is given'}`,
      ),
    });
  }
  return { actual: shortest, problems, notes: [], checked: consulted.length, fields: [] };
}

export const commentPeriodKind: CheckKind<CommentPeriodCheck> = {
  kind: 'comment_period',
  meta: {
    perRecord: true,
    description: bi(
      '每项公开征求意见的期限按日历日计算(起算日不计入),须达到要求的日数;已说明缩短理由的,结果为“警告”',
      'Each public-comment period, in calendar days with the first day not counted, is as long as required; a shorter one with a stated reason warns',
    ),
    statuses: ['pass', 'fail', 'warn', 'missing_data', 'not_applicable'],
    schema: checkSchema('comment_period', ['list', 'period', 'from', 'to', 'operator', 'wording', 'threshold'], {
      note: NOTE_SCHEMA,
      list: LIST_SCHEMA,
      record_id: RECORD_ID_SCHEMA,
      ...PERIOD_GROUP_PROPERTIES,
      operator: OPERATOR_SCHEMA,
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['days']),
    }),
  },
  condition: (_check, fact) => noProblemsLeaf(fact),
  expected: comparisonExpected,
  measure: measureCommentPeriod,
};
