import { bi, type Bilingual } from '../../i18n';
import type { EveryRecordCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation, RecordProblem, RecordVerdict } from '../observation';
import { isObservation, recordList, recordName } from './context';

function judge(check: EveryRecordCheck, value: unknown): { verdict: RecordVerdict; detail: Bilingual } | undefined {
  const { field, test, when_absent: whenAbsent = 'missing_data' } = check.condition;
  if (value === undefined || value === null) {
    return { verdict: whenAbsent === 'fail' ? 'fail' : 'missing', detail: bi(`未填写 ${field}`, `${field} is not given`) };
  }
  if (test === 'is_true') return value === true ? undefined : { verdict: 'fail', detail: bi(`${field} 为 false`, `${field} is false`) };
  return typeof value === 'string' && value.trim() !== '' ? undefined : { verdict: 'fail', detail: bi(`${field} 为空`, `${field} is empty`) };
}

/** Every record of a list meets a condition; the finding names each record that does not. */
export function measureEveryRecord(check: EveryRecordCheck, submission: Submission): Observation {
  const list = recordList(submission, check.list, bi(`${check.list} 为空列表:本年度没有需要检查的记录`, `${check.list} is an empty list: no records to check this year`));
  if (isObservation(list)) return list;
  const problems: RecordProblem[] = [];
  list.records.forEach((record, index) => {
    const problem = judge(check, record[check.condition.field]);
    if (problem) problems.push({ record: recordName(record, index, check.record_id), path: [...list.path, index, check.condition.field], ...problem });
  });
  const compliant = list.records.length - problems.length;
  return { actual: compliant / list.records.length, problems, checked: list.records.length, fields: [] };
}
