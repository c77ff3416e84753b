import { exactRatio } from '../../core/exact-number';
import { bi, type Bilingual } from '../../core/i18n';
import type { EveryRecordCheck, RecordCondition } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { noProblemsLeaf } from '../conditions';
import { undecided, type Observation, type RecordNote, type RecordProblem } from '../observation';
import { exemptDetail, exemption, isObservation, recordFieldLabels, recordList, recordName } from './context';
import { everyRecordExpected, type CheckKind } from './kind';
import { ANY_RECORD_FIELD_SHAPES, checkSchema, EXEMPT_WHEN_SCHEMA, FIELD_PATH_SCHEMA, LIST_SCHEMA, NOTE_SCHEMA, RECORD_FIELD_SCHEMA, RECORD_ID_SCHEMA, recordField, submissionField, WORDING_SCHEMA } from './schema';

type Outcome = 'met' | 'unmet' | 'absent';

/** `{ not_required: reason }`: a conditional procedure the bureau states was not needed, and why. */
function notRequiredReason(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const reason = (value as { not_required?: unknown }).not_required;
  return typeof reason === 'string' && reason.trim() !== '' ? reason : undefined;
}

function judge(condition: RecordCondition, record: Record<string, unknown>): Outcome {
  if (condition.satisfied_by && record[condition.satisfied_by] !== undefined && record[condition.satisfied_by] !== null) return 'met';
  const value = record[condition.field];
  if (value === undefined || value === null) return condition.when_absent === 'fail' ? 'unmet' : 'absent';
  switch (condition.test) {
    case 'is_true':
      return value === true ? 'met' : 'unmet';
    case 'is_true_or_not_required':
      return value === true || notRequiredReason(value) !== undefined ? 'met' : 'unmet';
    case 'names_text':
      return typeof value === 'string' && value.trim() !== '' ? 'met' : 'unmet';
  }
}

/** What a record lacks, by label: 已备案:否; 未履行:公众参与、决策公布;未填写:风险评估. */
function recordProblem(check: EveryRecordCheck, unmet: RecordCondition[], absent: RecordCondition[]): RecordProblem['detail'] {
  const leaf = (conditions: RecordCondition[]): Bilingual => recordFieldLabels(check.list, conditions.map((c) => c.field));
  const zh: string[] = [];
  const en: string[] = [];
  if (unmet.length === 1 && absent.length === 0 && check.conditions.length === 1) {
    const name = leaf(unmet);
    const negative = unmet[0].test === 'names_text' ? bi('未写明', 'not stated') : bi('否', 'no');
    return bi(`${name.zh}:${negative.zh}`, `${name.en}: ${negative.en}`);
  }
  if (unmet.length > 0) {
    const name = leaf(unmet);
    zh.push(`未履行:${name.zh}`);
    en.push(`not done: ${name.en}`);
  }
  if (absent.length > 0) {
    const name = leaf(absent);
    zh.push(`未填写:${name.zh}`);
    en.push(`not given: ${name.en}`);
  }
  return bi(zh.join(';'), en.join('; '));
}

/** Every record of a list meets every condition; the finding names, per record, each condition it misses. */
export function measureEveryRecord(check: EveryRecordCheck, submission: Submission): Observation {
  const list = recordList(submission, check.list);
  if (isObservation(list)) return list;
  const problems: RecordProblem[] = [];
  const notes: RecordNote[] = [];
  let judged = 0;
  list.records.forEach((record, index) => {
    const name = recordName(record, index, check.record_id);
    const ground = exemption(record, check.exempt_when?.field);
    if (ground !== undefined) {
      notes.push({ record: name, path: [...list.path, index, check.exempt_when?.field ?? ''], remark: 'exempt', detail: exemptDetail(ground) });
      return;
    }
    judged++;
    const outcomes = check.conditions.filter((c) => exemption(record, c.unless) === undefined).map((c) => ({ condition: c, outcome: judge(c, record) }));
    const unmet = outcomes.filter((j) => j.outcome === 'unmet').map((j) => j.condition);
    const absent = outcomes.filter((j) => j.outcome === 'absent').map((j) => j.condition);
    if (unmet.length === 0 && absent.length === 0) return;
    const first = unmet[0] ?? absent[0];
    problems.push({ record: name, path: [...list.path, index, first.field], verdict: unmet.length > 0 ? 'fail' : 'missing', detail: recordProblem(check, unmet, absent) });
  });
  if (judged === 0) return undecided('not_applicable', bi('全部记录依法不予公开,本条没有需要检查的记录', 'every record is lawfully withheld: nothing to check for this rule'));
  const compliant = judged - problems.length;
  return { actual: compliant / judged, exact: exactRatio(compliant, judged), problems, notes, checked: judged, fields: [] };
}

export const everyRecordKind: CheckKind<EveryRecordCheck> = {
  kind: 'every_record',
  meta: {
    perRecord: true,
    description: bi('清单中每条记录都须满足每项条件;逐条列出不满足的记录及其缺少的事项', 'Every record of a list meets every condition; each record that falls short is named with what it lacks'),
    statuses: ['pass', 'fail', 'missing_data', 'not_applicable'],
    schema: checkSchema('every_record', ['list', 'conditions', 'wording'], {
      note: NOTE_SCHEMA,
      list: LIST_SCHEMA,
      record_id: RECORD_ID_SCHEMA,
      wording: WORDING_SCHEMA,
      conditions: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['field', 'test'],
          additionalProperties: false,
          properties: {
            // A text for names_text, else a yes/no field.
            field: submissionField(FIELD_PATH_SCHEMA, { scope: 'records', shapes: ['flag'], shapesWhen: { path: 'test', is: { names_text: ['text'] } } }),
            test: { enum: ['is_true', 'names_text', 'is_true_or_not_required'], description: 'is_true: the field is true; names_text: the field is a non-empty text' },
            when_absent: { enum: ['missing_data', 'fail'], description: 'a record without the field: unknown (missing_data, the default) or itself the failure' },
            satisfied_by: recordField(ANY_RECORD_FIELD_SHAPES, { ...RECORD_FIELD_SCHEMA, description: 'another field of the record whose presence meets the condition too' }),
            unless: recordField(['text'], { ...RECORD_FIELD_SCHEMA, description: 'a field of the record that, when given, excuses it from this condition' }),
          },
        },
      },
      exempt_when: EXEMPT_WHEN_SCHEMA,
    }),
  },
  condition: (_check, fact) => noProblemsLeaf(fact),
  expected: everyRecordExpected,
  measure: measureEveryRecord,
};
