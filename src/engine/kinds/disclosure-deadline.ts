import { calendarDaysBetween } from '../../core/dates';
import { isUnknownYear, type WorkingDayCalendar } from '../../calendar/working-days';
import { bi, type Bilingual } from '../../core/i18n';
import type { DisclosureDeadlineCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { noProblemsLeaf } from '../conditions';
import { undecided, type Observation, type RecordNote, type RecordProblem } from '../observation';
import { exemptDetail, exemption, isObservation, recordList, recordName, thresholdValue, type MeasureContext } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, choicesOf, EXEMPT_WHEN_SCHEMA, FIELD_PATH_SCHEMA, LIST_SCHEMA, NOTE_SCHEMA, RECORD_ID_SCHEMA, recordField, thresholdSchema, WORDING_SCHEMA } from './schema';

function selected(check: DisclosureDeadlineCheck, record: Record<string, unknown>): boolean {
  if (!check.select) return true;
  const value = String(record[check.select.field]);
  if (check.select.in && !check.select.in.includes(value)) return false;
  if (check.select.not_in && check.select.not_in.includes(value)) return false;
  return true;
}

function unknownCalendar(year: number): Bilingual {
  return bi(`缺少 ${year} 年的节假日安排,无法计算工作日期限;请用 --calendar 提供该年的放假通知`, `no holiday calendar for ${year}, so the working-day deadline cannot be counted; give that year's notice with --calendar`);
}

/** Working days after the decision up to a date, or undefined where a year on the way has no calendar. */
function elapsed(calendar: WorkingDayCalendar, from: string, to: string): number | undefined {
  const result = calendar.workingDaysBetween(from, to);
  return isUnknownYear(result) ? undefined : result.count;
}

/**
 * Whether a date is within N working days of the decision, as far as the calendars can prove it: never more
 * working days than calendar days, so a short delay is on time even where the deadline's year has no calendar.
 */
function withinDays(calendar: WorkingDayCalendar, from: string, to: string, days: number): boolean | undefined {
  const count = elapsed(calendar, from, to);
  if (count !== undefined) return count <= days;
  return calendarDaysBetween(from, to) <= days ? true : undefined;
}

type Judged = { problem: Omit<RecordProblem, 'record' | 'path'> } | { note: Omit<RecordNote, 'record' | 'path'> } | { latest: number | undefined } | undefined;

/** What happened on the day the period runs from: a decision, unless the pack says (形成或者变更). */
function eventOf(check: DisclosureDeadlineCheck): Bilingual {
  return check.event ?? bi('作出决定', 'decided');
}

function judgeRecord(check: DisclosureDeadlineCheck, days: number, decided: string, published: string | undefined, asOf: string, calendar: WorkingDayCalendar): Judged {
  const event = eventOf(check);
  const deadline = calendar.addWorkingDays(decided, days);
  const due = isUnknownYear(deadline) ? undefined : deadline.date;
  const last = due
    ? bi(`最迟应于 ${due} 公开(${days} 个工作日内)`, `due by ${due} at the latest (within ${days} working days)`)
    : bi(`期限(${days} 个工作日)所在年度缺少节假日安排`, `the ${days}-working-day deadline falls in a year without a holiday calendar`);
  if (published) {
    const onTime = due ? published <= due : withinDays(calendar, decided, published, days);
    if (onTime === undefined) return { problem: { verdict: 'unknown_calendar', detail: unknownCalendar((deadline as { unknownYear: number }).unknownYear) } };
    const count = elapsed(calendar, decided, published);
    if (onTime) return { latest: count };
    const after = check.event
      ? count !== undefined ? bi(`,为其后第 ${count} 个工作日`, `, ${count} working days after it was ${event.en} on ${decided}`) : bi('', `, after it was ${event.en} on ${decided}`)
      : count !== undefined ? bi(`,为决定后第 ${count} 个工作日`, `, ${count} working days after the decision of ${decided}`) : bi('', `, after the decision of ${decided}`);
    return { problem: { verdict: 'fail', detail: bi(`${decided} ${event.zh},${published} 公开${after.zh};${last.zh}`, `published ${published}${after.en}; ${last.en}`) } };
  }
  // Not published by the day the data was compiled: late once the deadline has passed, otherwise not yet due.
  const dueBy = due ? asOf > due : withinDays(calendar, decided, asOf, days) === true ? false : undefined;
  if (dueBy === undefined) return { problem: { verdict: 'unknown_calendar', detail: unknownCalendar((deadline as { unknownYear: number }).unknownYear) } };
  if (!dueBy) {
    return { note: { remark: 'not_due', detail: bi(`${decided} ${event.zh},截至 ${asOf} 尚未公开,期限未到;${last.zh}`, `${event.en} on ${decided}, not published by ${asOf}, not yet due; ${last.en}`) } };
  }
  return { problem: { verdict: 'fail', detail: bi(`${decided} ${event.zh},截至 ${asOf} 仍未公开;${last.zh}`, `${event.en} on ${decided} and not published by ${asOf}; ${last.en}`) } };
}

/**
 * Publication within N working days of the decision: the N-th working day after the decision date is
 * the last day on time. Holidays and worked weekends come from the State Council's notices. A record with a
 * stated lawful ground for not disclosing it is left out and listed; one not yet due is listed, never counted as met.
 */
export function measureDisclosureDeadline(check: DisclosureDeadlineCheck, submission: Submission, { calendar }: MeasureContext): Observation {
  const list = recordList(submission, check.list);
  if (isObservation(list)) return list;
  const due = list.records.map((record, index) => ({ record, index })).filter(({ record }) => selected(check, record));
  if (due.length === 0) return undecided('not_applicable', bi('没有本条所指类型的执法决定', 'No enforcement decision of the types this rule covers'));
  // (A list with no `select` is never empty here: recordList has said "not applicable" for an empty one.)
  const problems: RecordProblem[] = [];
  const notes: RecordNote[] = [];
  let latest: number | null = null;
  let judged = 0;
  for (const { record, index } of due) {
    const name = recordName(record, index, check.record_id);
    const decided = String(record[check.from]);
    const published = record[check.to] as string | undefined;
    const path = [...list.path, index, published ? check.to : check.from];
    const ground = exemption(record, check.exempt_when?.field);
    if (ground !== undefined) {
      notes.push({ record: name, path: [...list.path, index, check.exempt_when?.field ?? ''], remark: 'exempt', detail: exemptDetail(ground) });
      continue;
    }
    judged++;
    const judgement = judgeRecord(check, thresholdValue(check.threshold, submission), decided, published, submission.asOf, calendar);
    if (judgement && 'problem' in judgement) {
      problems.push({ record: name, path, ...judgement.problem });
      // An unpublished record past its deadline has waited at least as long as the compiled data shows.
      const waited = published ? elapsed(calendar, decided, published) : elapsed(calendar, decided, submission.asOf);
      if (judgement.problem.verdict === 'fail' && waited !== undefined) latest = Math.max(latest ?? 0, waited);
    } else if (judgement && 'note' in judgement) {
      notes.push({ record: name, path, ...judgement.note });
    } else if (judgement && judgement.latest !== undefined) {
      latest = Math.max(latest ?? 0, judgement.latest);
    }
  }
  if (judged === 0) return undecided('not_applicable', bi('本条所指的执法决定均依法不予公开', 'every decision this rule covers is lawfully withheld'));
  return { actual: latest, problems, notes, checked: judged, fields: [] };
}

export const disclosureDeadlineKind: CheckKind<DisclosureDeadlineCheck> = {
  kind: 'disclosure_deadline',
  meta: {
    perRecord: true,
    description: bi(
      '所选记录须在作出决定后 N 个工作日内公开(按国务院节假日安排计算);期限未到的记录,结果为“待到期”',
      'The selected records are published within N working days of their decision, counted on the State Council\'s holiday calendars; a record not yet due is pending',
    ),
    statuses: ['pass', 'fail', 'pending', 'missing_data', 'not_applicable'],
    schema: checkSchema('disclosure_deadline', ['list', 'from', 'to', 'operator', 'wording', 'threshold'], {
      note: NOTE_SCHEMA,
      list: LIST_SCHEMA,
      record_id: RECORD_ID_SCHEMA,
      // Before from and to: the field proof goes in this order, the records chosen before their dates.
      select: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: {
          field: recordField(['choice', 'text'], FIELD_PATH_SCHEMA),
          in: choicesOf('field'),
          not_in: choicesOf('field'),
        },
        description: 'which records the deadline is for (without it, every record of the list)',
      },
      event: {
        type: 'object',
        required: ['zh', 'en'],
        additionalProperties: false,
        properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
        description: 'what happened on the from day, in words (形成或者变更 / formed or changed); without it, a decision',
      },
      from: recordField(['date'], FIELD_PATH_SCHEMA),
      to: recordField(['date'], FIELD_PATH_SCHEMA),
      operator: { const: '<=' },
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['working_days']),
      exempt_when: EXEMPT_WHEN_SCHEMA,
    }),
  },
  condition: (_check, fact) => noProblemsLeaf(fact),
  expected: comparisonExpected,
  measure: measureDisclosureDeadline,
};
