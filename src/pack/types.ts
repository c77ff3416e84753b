import type { Bilingual } from '../core/i18n';

export type Level = 'province' | 'city' | 'county';
export const LEVELS: readonly Level[] = ['province', 'city', 'county'];

/** The comparisons a target can set; each is read off the source's own wording (see wording.ts). */
export type Operator = '>=' | '>' | '<=' | '<' | '=';
export type Unit = 'ratio' | 'count' | 'days' | 'working_days' | 'boolean';
export type Severity = 'critical' | 'major' | 'minor';

/** A threshold with one value for every year. */
export interface FixedThreshold {
  value: number;
  unit: Unit;
}

/**
 * One value of a dated threshold: in force from `from` (a day, inclusive) to `until` (inclusive), or without `until`
 * to the day before the next entry's `from`; `quote` is the source's own words for this value, when it has some.
 */
export interface DatedValue {
  from: string;
  until?: string;
  value: number;
  quote?: string;
}

/** A threshold that changes on given days, as OpenFisca keeps its parameters: entries in ascending `from`. */
export interface DatedThreshold {
  unit: Unit;
  dated: DatedValue[];
}

/** What a check compares with; read only through pack/thresholds.ts (`thresholdInForce`), which knows both forms. */
export type Threshold = FixedThreshold | DatedThreshold;

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
  /** A count the year accumulates (每年…): short of it before the year is over is `pending`, not `fail`. */
  annual?: boolean;
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
  /** `is_true`; `names_text` (a non-empty text); `is_true_or_not_required` (true, or `{ not_required: reason }`). */
  test: 'is_true' | 'names_text' | 'is_true_or_not_required';
  when_absent?: 'missing_data' | 'fail';
  /** Another field of the record whose presence meets the condition too (a consultation is public participation). */
  satisfied_by?: string;
  /** A field of the record that, when given, excuses it from this condition (依法不予公开). */
  unless?: string;
}

/** Records a stated legal ground takes out of a rule: counted, listed, never judged. */
export interface RecordExemption {
  field: string;
}

/** Every record of a list meets every condition. */
export interface EveryRecordCheck extends CheckBase {
  kind: 'every_record';
  list: string;
  record_id?: string;
  conditions: RecordCondition[];
  exempt_when?: RecordExemption;
}

/** The kinds of instrument a legal basis can be, as the schema's enum names them. */
export type LegalBasisKind =
  | 'law'
  | 'administrative_regulation'
  | 'local_regulation'
  | 'state_council_decision'
  | 'departmental_rule'
  | 'local_government_rule'
  | 'normative_document'
  | 'other'
  | 'none';

/** Reads a basis's kind off its title where the record does not state it; the first pattern that matches wins. */
export interface BasisPattern {
  kind: LegalBasisKind;
  pattern: string;
}

/** Every record names a legal basis of an allowed kind (法律、法规、国务院决定). */
export interface LegalBasisCheck extends CheckBase {
  kind: 'legal_basis';
  list: string;
  record_id?: string;
  text: string;
  kind_field: string;
  allowed: LegalBasisKind[];
  infer: BasisPattern[];
}

/** A period held in a group of each record of a list: its two dates, and the field that states an exception. */
interface PeriodGroup {
  list: string;
  record_id?: string;
  /** The group of the record that holds the two dates and the reason. */
  period: string;
  from: string;
  to: string;
  exception?: string;
  threshold: Threshold;
}

/** A consultation period in calendar days, the first day not counted; a stated exception warns. */
export interface CommentPeriodCheck extends CheckBase, PeriodGroup {
  kind: 'comment_period';
  operator: Operator;
}

/** A record's publication within N working days of its decision (or of the day it was formed, `event`). */
export interface DisclosureDeadlineCheck extends CheckBase {
  kind: 'disclosure_deadline';
  list: string;
  record_id?: string;
  /** Which records the deadline is for; without it, every record of the list. */
  select?: { field: string; in?: string[]; not_in?: string[] };
  /** What happened on the `from` day, in words (形成或者变更); without it, a decision (作出决定). */
  event?: Bilingual;
  from: string;
  to: string;
  operator: '<=';
  threshold: Threshold;
  exempt_when?: RecordExemption;
}

/** A date by which something must be done, relative to the reporting year (the annual report by 31 March after it). */
export interface DueDateCheck extends CheckBase {
  kind: 'due_date';
  /** Whether it was done at all. */
  done: string;
  /** The day it was done. */
  date: string;
  /** The last day on time: month and day, in the year after the reporting year plus `year_offset`. */
  due: { year_offset: number; month_day: string };
}

/** A value to reach by the end of a year; earlier years show progress. */
export interface MilestoneCheck extends CheckBase {
  kind: 'milestone';
  field: string;
  operator: Operator;
  threshold: Threshold;
  due_year: number;
}

/**
 * An answer within N working days of receipt, or, where an extension was approved, within at most M more
 * (《政府信息公开条例》第三十三条第二款); working days a stated pause takes (征求第三方意见) are not counted.
 */
export interface AnswerDeadlineCheck extends CheckBase {
  kind: 'answer_deadline';
  list: string;
  record_id?: string;
  /** The day the request was received (the day not counted). */
  from: string;
  /** The day it was answered. */
  to: string;
  /** A flag: the extension was approved (and the applicant told). */
  extended: string;
  /** The new last day the applicant was told, when given: it may not lie beyond the longest extension. */
  extended_until?: string;
  /** A count of working days not counted in the period (the time third parties and other agencies took). */
  paused?: string;
  operator: '<=';
  threshold: Threshold;
  /** The longest extension, in working days. */
  extension: Threshold;
}

/** A span of working days between two dates of a record, at least N; a shorter one with a stated reason warns (一般). */
export interface WorkingDaySpanCheck extends CheckBase, PeriodGroup {
  kind: 'working_day_span';
  operator: '>=';
}

export type Check = BooleanCheck | ThresholdCheck | RateCheck | EveryRecordCheck | LegalBasisCheck | CommentPeriodCheck | DisclosureDeadlineCheck | MilestoneCheck | DueDateCheck | AnswerDeadlineCheck | WorkingDaySpanCheck;
export type CheckKind = Check['kind'];

/** Every one of the checks holds. */
export interface AllOfCheck {
  all: RuleCheck[];
}

/** At least one of the checks holds. */
export interface AnyOfCheck {
  any: RuleCheck[];
}

/** The check does not hold. */
export interface NotCheck {
  not: RuleCheck;
}

/**
 * The first of these checks whose data is given decides: records where they are listed, else the rate a report states
 * (docs/aggregate-rates.md). Each alternative is a check of a kind; one whose kind finds its data not given at all
 * (missing data before anything is compared) is passed over; when none is given, missing data.
 */
export interface FirstGivenCheck {
  first_given: Check[];
}

/** Checks combined with `all`, `any`, `not` and `first_given`, nestable; the leaves are checks of the kinds (`Check`). */
export type CompositeCheck = AllOfCheck | AnyOfCheck | NotCheck | FirstGivenCheck;

/** What a rule's `check` holds: one check of a kind, or a composite of them (walked by pack/check-tree.ts). */
export type RuleCheck = Check | CompositeCheck;

export interface Citation {
  /** An item `(四)` of the one source, or an article `第二十六条` (`第三十三条第二款`) of the source named by `document`. */
  clause: string;
  quote: string;
  /** A pack with several source texts (`sources`): the id of the one this clause is in. */
  document?: string;
}

/** A rule of another pack that this one restates: its finding shows that rule's citation under its own. */
export interface RestatesLink {
  pack: string;
  rule: string;
}

/** The citation of a restated rule, resolved from its pack when this pack is loaded (see pack/restates.ts). */
export interface RestatedCitation {
  pack: string;
  rule: string;
  document: string;
  document_number: string;
  clause: string;
  quote: string;
}

/** A rule that does not apply when the bureau states there is nothing to do (no named bad reviews this year). */
export interface NotApplicableWhen {
  field: string;
  equals: number | boolean;
  reason: Bilingual;
}

export interface Rule {
  id: string;
  title: Bilingual;
  citation: Citation;
  levels: Level[];
  /** Why the levels differ from what the quote's own level words say, or why they are narrower than all levels. */
  levels_note?: string;
  severity: Severity;
  check: RuleCheck;
  not_applicable_when?: NotApplicableWhen;
  /** The rule of another pack (the national baseline) whose duty this rule restates. */
  restates?: RestatesLink;
  /** That rule's citation, resolved at load time; never written in a pack. */
  restated?: RestatedCitation;
  /** Rules this one knowingly checks the same thing as, and why they stay apart (`plancheck pack lint` accepts them). */
  same_check_as?: SameCheckAs;
}

/** The marker of rules that check the same thing on purpose (docs/pack-tests.md, `pack lint`). */
export interface SameCheckAs {
  rules: string[];
  reason: string;
}

/** Where a pack binds: bureaus whose region code starts so; others are checked with a notice. */
export interface Jurisdiction {
  region_prefix: string;
  name: Bilingual;
}

export interface Chapter {
  number: string;
  title: Bilingual;
  first_item: string;
}

/** One source text of a pack with several (`sources`): a law or regulation, cited by its id. */
export interface SourceDocument {
  id: string;
  file: string;
  sha256: string;
  title: string;
  document_number: string;
  issued_on: string;
}

/** A rule pack as written in YAML: one source text (`source`, with the pack's document number) or several (`sources`). */
export interface PackDefinition {
  id: string;
  version: string;
  title: Bilingual;
  issuer: string;
  /** The one source's document number; a pack with `sources` gives each its own. */
  document_number?: string;
  issued_on?: string;
  years: { from: number; to: number };
  source?: { file: string; sha256: string };
  sources?: SourceDocument[];
  /** Where the document number and issue date are confirmed, when the source text itself does not carry them. */
  document_number_source?: string;
  jurisdiction?: Jurisdiction;
  chapters?: Chapter[];
  rules: Rule[];
}

/** A pack loaded and checked: its definition, where it came from and what it hashes to. */
export interface RulePack extends PackDefinition {
  file: string;
  sha256: string;
  /** The text of the first (for most packs, the only) source. */
  sourceText: string;
  /** Every source text of the pack, by its id (a pack with one `source` has one, under the pack's id). */
  sourceTexts: Record<string, string>;
}
