import type { Bilingual } from '../i18n';

export type Level = 'province' | 'city' | 'county';
export const LEVELS: readonly Level[] = ['province', 'city', 'county'];

/** The comparisons a target can set; each is read off the source's own wording (see wording.ts). */
export type Operator = '>=' | '>' | '<=' | '<' | '=';
export type Unit = 'ratio' | 'count' | 'days' | 'working_days' | 'boolean';
export type Severity = 'critical' | 'major' | 'minor';

export interface Threshold {
  value: number;
  unit: Unit;
}

interface CheckBase {
  /** The words of the source that set the comparison; they stand in the quote. */
  wording: string;
  /** How the rule reads the source where the wording alone does not say. */
  note?: string;
}

/** One or more fields that must be true. */
export interface BooleanCheck extends CheckBase {
  kind: 'boolean';
  fields: string[];
}

/** A value compared with a threshold. */
export interface ThresholdCheck extends CheckBase {
  kind: 'threshold';
  field: string;
  operator: Operator;
  threshold: Threshold;
}

/** A rate computed from two counts. */
export interface RateCheck extends CheckBase {
  kind: 'rate';
  numerator: string;
  denominator: string;
  operator: Operator;
  threshold: Threshold;
}

export interface RecordCondition {
  field: string;
  test: 'is_true' | 'names_text';
  when_absent?: 'missing_data' | 'fail';
}

/** Every record of a list meets a condition. */
export interface EveryRecordCheck extends CheckBase {
  kind: 'every_record';
  list: string;
  record_id?: string;
  condition: RecordCondition;
}

/** A consultation period in calendar days, the first day not counted; a stated exception warns. */
export interface CommentPeriodCheck extends CheckBase {
  kind: 'comment_period';
  list: string;
  record_id?: string;
  period: string;
  from: string;
  to: string;
  exception?: string;
  operator: Operator;
  threshold: Threshold;
}

/** A record's publication within N working days of its decision. */
export interface DisclosureDeadlineCheck extends CheckBase {
  kind: 'disclosure_deadline';
  list: string;
  record_id?: string;
  select: { field: string; in?: string[]; not_in?: string[] };
  from: string;
  to: string;
  operator: '<=';
  threshold: Threshold;
}

/** A value to reach by the end of a year; earlier years show progress. */
export interface MilestoneCheck extends CheckBase {
  kind: 'milestone';
  field: string;
  operator: Operator;
  threshold: Threshold;
  due_year: number;
}

export type Check = BooleanCheck | ThresholdCheck | RateCheck | EveryRecordCheck | CommentPeriodCheck | DisclosureDeadlineCheck | MilestoneCheck;
export type CheckKind = Check['kind'];

export interface Citation {
  clause: string;
  quote: string;
}

export interface Rule {
  id: string;
  title: Bilingual;
  citation: Citation;
  levels: Level[];
  severity: Severity;
  check: Check;
}

export interface Chapter {
  number: string;
  title: Bilingual;
  first_item: string;
}

/** A rule pack as written in YAML. */
export interface PackDefinition {
  id: string;
  version: string;
  title: Bilingual;
  issuer: string;
  document_number: string;
  issued_on: string;
  years: { from: number; to: number };
  source: { file: string; sha256: string };
  chapters?: Chapter[];
  rules: Rule[];
}

/** A pack loaded and checked: its definition, where it came from and what it hashes to. */
export interface RulePack extends PackDefinition {
  file: string;
  sha256: string;
  sourceText: string;
}
