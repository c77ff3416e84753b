import { isUnknownYear, type WorkingDayCalendar } from '../../calendar/working-days';
import { bi, type Bilingual } from '../../core/i18n';
import type { AnswerDeadlineCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { noProblemsLeaf } from '../conditions';
import type { Observation, RecordNote, RecordProblem } from '../observation';
import { isObservation, recordFieldLabels, recordList, recordName, thresholdValue, type MeasureContext } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, LIST_SCHEMA, NOTE_SCHEMA, RECORD_ID_SCHEMA, recordField, thresholdSchema, WORDING_SCHEMA } from './schema';

type Judged = { problem: Pick<RecordProblem, 'verdict' | 'detail'> } | { note: Pick<RecordNote, 'remark' | 'detail'> } | { took: number | undefined };

function unknownCalendar(year: number): Bilingual {
  return bi(`缺少 ${year} 年的节假日安排,无法计算答复期限;请用 --calendar 提供该年的放假通知`, `no holiday calendar for ${year}, so the answer deadline cannot be counted; give that year's notice with --calendar`);
}

function workingDays(calendar: WorkingDayCalendar, from: string, to: string): number | undefined {
  const span = calendar.workingDaysBetween(from, to);
  return isUnknownYear(span) ? undefined : span.count;
}

/** The last day on time after `days` working days, or the year no calendar covers. */
function lastDay(calendar: WorkingDayCalendar, from: string, days: number): { date: string } | { unknownYear: number } {
  return calendar.addWorkingDays(from, days);
}

interface Request {
  received: string;
  answered?: string;
  extended?: boolean;
  until?: string;
  paused: number;
}

function judge(check: AnswerDeadlineCheck, days: number, extension: number, request: Request, asOf: string, calendar: WorkingDayCalendar): Judged {
  const base = days + request.paused;
  const longest = base + extension;
  const pause = request.paused > 0 ? bi(`(另有 ${request.paused} 个工作日征求意见,不计入)`, ` (${request.paused} working days of consultation not counted)`) : bi('', '');
  const plain = lastDay(calendar, request.received, base);
  const extendedTo = lastDay(calendar, request.received, longest);
  if ('unknownYear' in plain) return { problem: { verdict: 'unknown_calendar', detail: unknownCalendar(plain.unknownYear) } };
  const extended = request.extended === true || request.until !== undefined;
  if (extended && 'unknownYear' in extendedTo) return { problem: { verdict: 'unknown_calendar', detail: unknownCalendar(extendedTo.unknownYear) } };
  const longestDay = 'date' in extendedTo ? extendedTo.date : undefined;
  if (request.until !== undefined && longestDay !== undefined && request.until > longestDay) {
    return { problem: { verdict: 'fail', detail: bi(`告知申请人延长至 ${request.until},超过最长延长期限:收到申请后 ${longest} 个工作日,即 ${longestDay}${pause.zh}`, `the applicant was told the answer was extended to ${request.until}, beyond the longest extension: ${longest} working days after receipt, ${longestDay}${pause.en}`) } };
  }
  const due = extended ? (request.until ?? longestDay ?? plain.date) : plain.date;
  const dueWords = extended
    ? bi(`经批准延长,最迟应于 ${due} 答复`, `extended with approval: due by ${due}`)
    : bi(`最迟应于 ${due} 答复(收到申请后 ${base} 个工作日内)${pause.zh}`, `due by ${due} (within ${base} working days of receipt)${pause.en}`);
  if (request.answered !== undefined) {
    const took = workingDays(calendar, request.received, request.answered);
    if (request.answered <= due) return { took };
    // Late against 20 working days, and no extension stated either way: whether one was approved decides it.
    if (request.extended === undefined && request.until === undefined && longestDay !== undefined && request.answered <= longestDay) {
      const named = recordFieldLabels(check.list, [check.extended]);
      return { problem: { verdict: 'missing', detail: bi(`${request.received} 收到申请,${request.answered} 答复,超过 ${base} 个工作日;未填写${named.zh},无法判断是否经批准延长`, `received ${request.received}, answered ${request.answered}, after ${base} working days; ${named.en} is not given, so whether the period was extended with approval cannot be told`) } };
    }
    const after = took !== undefined ? bi(`,为收到后第 ${took} 个工作日`, `, ${took} working days after receipt`) : bi('', '');
    return { problem: { verdict: 'fail', detail: bi(`${request.received} 收到申请,${request.answered} 答复${after.zh};${dueWords.zh}`, `received ${request.received}, answered ${request.answered}${after.en}; ${dueWords.en}`) } };
  }
  if (asOf <= due) return { note: { remark: 'not_due', detail: bi(`${request.received} 收到申请,截至 ${asOf} 尚未答复,期限未到;${dueWords.zh}`, `received ${request.received}, not answered by ${asOf}, not yet due; ${dueWords.en}`) } };
  return { problem: { verdict: 'fail', detail: bi(`${request.received} 收到申请,截至 ${asOf} 仍未答复;${dueWords.zh}`, `received ${request.received} and not answered by ${asOf}; ${dueWords.en}`) } };
}

function requestOf(check: AnswerDeadlineCheck, record: Record<string, unknown>): Request {
  const text = (field: string | undefined): string | undefined => (field && typeof record[field] === 'string' ? (record[field] as string) : undefined);
  const paused = check.paused ? record[check.paused] : undefined;
  const extended = record[check.extended];
  return {
    received: String(record[check.from]),
    answered: text(check.to),
    extended: typeof extended === 'boolean' ? extended : undefined,
    until: text(check.extended_until),
    paused: typeof paused === 'number' ? paused : 0,
  };
}

/**
 * Each request answered within N working days of its receipt (the day of receipt not counted), or, where the
 * extension was approved and the applicant told, within at most M more (《政府信息公开条例》第三十三条第二款); the
 * working days stated as taken by consulting third parties or other agencies are not counted (第三款). A request
 * not answered by the day the data was compiled is pending until its last day, and late after it.
 */
export function measureAnswerDeadline(check: AnswerDeadlineCheck, submission: Submission, { calendar }: MeasureContext): Observation {
  const list = recordList(submission, check.list);
  if (isObservation(list)) return list;
  const problems: RecordProblem[] = [];
  const notes: RecordNote[] = [];
  let longest: number | null = null;
  list.records.forEach((record, index) => {
    const name = recordName(record, index, check.record_id);
    const request = requestOf(check, record);
    const path = [...list.path, index, request.answered !== undefined ? check.to : check.from];
    const judged = judge(check, thresholdValue(check.threshold, submission), thresholdValue(check.extension, submission), request, submission.asOf, calendar);
    if ('problem' in judged) problems.push({ record: name, path, ...judged.problem });
    else if ('note' in judged) notes.push({ record: name, path, ...judged.note });
    else if (judged.took !== undefined) longest = Math.max(longest ?? 0, judged.took);
  });
  return { actual: longest, problems, notes, checked: list.records.length, fields: [] };
}

export const answerDeadlineKind: CheckKind<AnswerDeadlineCheck> = {
  kind: 'answer_deadline',
  meta: {
    perRecord: true,
    description: bi(
      '每件申请须在收到后 N 个工作日内答复;经批准延长并告知申请人的,最长再延 M 个工作日(按国务院节假日安排计算);期限未到的,结果为“待到期”',
      'Each request is answered within N working days of receipt, or, with an approved extension the applicant was told of, at most M more (on the State Council\'s holiday calendars); one not yet due is pending',
    ),
    statuses: ['pass', 'fail', 'pending', 'missing_data', 'not_applicable'],
    schema: checkSchema('answer_deadline', ['list', 'from', 'to', 'extended', 'operator', 'wording', 'threshold', 'extension'], {
      note: NOTE_SCHEMA,
      list: LIST_SCHEMA,
      record_id: RECORD_ID_SCHEMA,
      from: recordField(['date']),
      to: recordField(['date']),
      extended: recordField(['flag']),
      extended_until: recordField(['date']),
      paused: recordField(['count']),
      operator: { const: '<=' },
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['working_days']),
      extension: thresholdSchema(['working_days']),
    }),
  },
  condition: (_check, fact) => noProblemsLeaf(fact),
  expected: comparisonExpected,
  measure: measureAnswerDeadline,
};
