import type { WorkingDayCalendar } from '../../calendar/working-days';
import { bi, type Bilingual } from '../../i18n';
import { getAt, type FieldPath } from '../../input/field-path';
import type { Submission } from '../../submission/types';
import { undecided, type Observation } from '../observation';

/** What a measure may use besides the submission. */
export interface MeasureContext {
  calendar: WorkingDayCalendar;
}

/** A field's value; YAML's null (a key with nothing after it) counts as absent. */
export function valueAt(submission: Submission, field: string): unknown {
  const value = getAt(submission.data, field);
  return value === null ? undefined : value;
}

export function toPath(field: string): FieldPath {
  return field.split('.');
}

export function missingFields(fields: readonly string[]): Observation {
  const list = fields.join('、');
  return undecided('missing_data', bi(`未填写 ${list}`, `${fields.join(', ')} ${fields.length > 1 ? 'are' : 'is'} not given`));
}

export interface RecordList {
  records: Record<string, unknown>[];
  path: FieldPath;
}

/** The records of a list field, or the observation that decides the rule without them. */
export function recordList(submission: Submission, field: string, nothingToCheck: Bilingual): RecordList | Observation {
  const list = valueAt(submission, field);
  if (list === undefined) return missingFields([field]);
  const records = list as Record<string, unknown>[];
  if (records.length === 0) return undecided('not_applicable', nothingToCheck);
  return { records, path: toPath(field) };
}

export function isObservation(value: RecordList | Observation): value is Observation {
  return 'problems' in value;
}

/** The name a record goes by in evidence: its id (or the pack's chosen field), else its position. */
export function recordName(record: Record<string, unknown>, index: number, idField = 'id'): string {
  const id = record[idField];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`;
}
