import type { WorkingDayCalendar } from '../../calendar/working-days';
import { exactOf } from '../../core/exact-number';
import { bi, type Bilingual } from '../../core/i18n';
import { getAt, type FieldPath } from '../../intake/field-path';
import { thresholdNearest } from '../../pack/thresholds';
import type { Threshold } from '../../pack/types';
import { fieldLabel, labelOf } from '../../submission/field-labels';
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

/** Fields by their labels, as a clerk knows them: 网上可办率、“一窗”分类受理率. */
export function labels(fields: readonly (string | FieldPath)[]): Bilingual {
  return bi(fields.map((f) => fieldLabel(f, 'zh')).join('、'), fields.map((f) => fieldLabel(f, 'en')).join(', '));
}

/** Fields of the records of a list, by their own labels (已备案、公众参与), without a record number. */
export function recordFieldLabels(list: string, fields: readonly string[]): Bilingual {
  const named = fields.map((field) => labelOf(`${list}[].${field}`) ?? bi(field, field));
  return bi(named.map((n) => n.zh).join('、'), named.map((n) => n.en).join(', '));
}

export function missingFields(fields: readonly string[]): Observation {
  const named = labels(fields);
  return undecided('missing_data', bi(`未填写:${named.zh}`, `${named.en} ${fields.length > 1 ? 'are' : 'is'} not given`));
}

export interface RecordList {
  records: Record<string, unknown>[];
  path: FieldPath;
}

/** The records of a list field, or the observation that decides the rule without them. */
export function recordList(submission: Submission, field: string): RecordList | Observation {
  const list = valueAt(submission, field);
  if (list === undefined) return missingFields([field]);
  const records = list as Record<string, unknown>[];
  if (records.length === 0) {
    const named = labels([field]);
    return undecided('not_applicable', bi(`${named.zh}填写为空列表:本年度没有需要检查的记录`, `${named.en} is an empty list: nothing of the kind this year`));
  }
  return { records, path: toPath(field) };
}

export function isObservation(value: RecordList | Observation): value is Observation {
  return 'problems' in value;
}

/** The name a record goes by in evidence: its id (or the pack's chosen field), else its position from 1. */
export function recordName(record: Record<string, unknown>, index: number, idField = 'id'): string {
  const id = record[idField];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`;
}

/** A record's stated lawful ground for leaving it out of a rule (依法不予公开), or undefined. */
export function exemption(record: Record<string, unknown>, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const ground = record[field];
  return typeof ground === 'string' && ground.trim() !== '' ? ground : undefined;
}

export function exemptDetail(ground: string): Bilingual {
  return bi(`依法不予公开(依据:${ground}),不计入本条`, `lawfully withheld (under ${ground}); not counted for this rule`);
}

/** The last day of the reporting year: before it, an annual count is still running. */
export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

/**
 * A value of the submission, exact as the bureau wrote it, compared with a threshold; `notYetDue` says why a
 * shortfall is not yet a failure on the day the data was compiled (undefined when it is one).
 */
export function measuredValue(field: string, submission: Submission, notYetDue: Observation['notYetDue']): Observation {
  const value = valueAt(submission, field);
  if (value === undefined) return missingFields([field]);
  const written = submission.exacts.get(field) ?? exactOf(value as number);
  return { actual: value as number, exact: written, problems: [], notes: [], checked: 0, fields: [toPath(field)], ...(notYetDue ? { notYetDue } : {}) };
}

/**
 * The value of a threshold in force in the submission's year. A year with none in force never gets here: `measure`
 * (index.ts) leaves such a check not applicable before its kind measures anything.
 */
export function thresholdValue(threshold: Threshold, submission: Submission): number {
  return thresholdNearest(threshold, submission.year).value;
}
