import { isUnknownYear } from '../../calendar/working-days';
import { bi, type Bilingual } from '../../i18n';
import type { DisclosureDeadlineCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { undecided, type Observation, type RecordProblem } from '../observation';
import { isObservation, recordList, recordName, type MeasureContext } from './context';

function selected(check: DisclosureDeadlineCheck, record: Record<string, unknown>): boolean {
  const value = String(record[check.select.field]);
  if (check.select.in && !check.select.in.includes(value)) return false;
  if (check.select.not_in && check.select.not_in.includes(value)) return false;
  return true;
}

function unknownCalendar(year: number): Bilingual {
  return bi(`缺少 ${year} 年的节假日安排,无法计算工作日期限;请用 --calendar 提供该年的放假通知`, `no holiday calendar for ${year}, so the working-day deadline cannot be counted; give that year's notice with --calendar`);
}

/**
 * Publication within N working days of the decision: the N-th working day after the decision date is
 * the last day on time. Holidays and worked weekends come from the State Council's notices.
 */
export function measureDisclosureDeadline(check: DisclosureDeadlineCheck, submission: Submission, { calendar }: MeasureContext): Observation {
  const list = recordList(submission, check.list, bi(`${check.list} 为空列表:本年度没有执法决定`, `${check.list} is an empty list: no enforcement decisions this year`));
  if (isObservation(list)) return list;
  const due = list.records.map((record, index) => ({ record, index })).filter(({ record }) => selected(check, record));
  if (due.length === 0) return undecided('not_applicable', bi('没有本条所指类型的执法决定', 'No enforcement decision of the types this rule covers'));
  const days = check.threshold.value;
  const problems: RecordProblem[] = [];
  let latest: number | null = null;
  for (const { record, index } of due) {
    const name = recordName(record, index, check.record_id);
    const decided = String(record[check.from]);
    const published = record[check.to] as string | undefined;
    const path = [...list.path, index, published ? check.to : check.from];
    const deadline = calendar.addWorkingDays(decided, days);
    if (isUnknownYear(deadline)) {
      problems.push({ record: name, path, verdict: 'unknown_calendar', detail: unknownCalendar(deadline.unknownYear) });
      continue;
    }
    if (!published) {
      if (submission.asOf > deadline.date) {
        problems.push({
          record: name,
          path,
          verdict: 'fail',
          detail: bi(`${decided} 作出决定,截至 ${submission.asOf} 仍未公开;应于 ${deadline.date} 前公开`, `decided on ${decided} and not published by ${submission.asOf}; due by ${deadline.date}`),
        });
      }
      continue;
    }
    const elapsed = calendar.workingDaysBetween(decided, published);
    if (!isUnknownYear(elapsed)) latest = Math.max(latest ?? 0, elapsed.count);
    if (published <= deadline.date) continue;
    const after = isUnknownYear(elapsed) ? bi('', '') : bi(`,为决定后第 ${elapsed.count} 个工作日`, `, ${elapsed.count} working days after the decision of ${decided}`);
    problems.push({
      record: name,
      path,
      verdict: 'fail',
      detail: bi(
        `${decided} 作出决定,${published} 公开${after.zh};应于 ${deadline.date} 前公开(${days} 个工作日内)`,
        `published ${published}${after.en || `, after the decision of ${decided}`}; due by ${deadline.date} (within ${days} working days)`,
      ),
    });
  }
  return { actual: latest, problems, checked: due.length, fields: [] };
}
