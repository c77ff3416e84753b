import type { Expected } from '../engine/expected';
import type { Actual } from '../engine/observation';
import { bi, type Bilingual } from '../core/i18n';
import type { CheckKind } from '../pack/types';
import type { InputProblem } from '../intake/problem';
import type { Position } from '../core/place';
import type { RestatedCitation, Severity } from '../pack/types';
import type { Bureau, SubmissionNotice, SubmissionOrigin } from '../submission/types';
import type { WaiverReport, WaiverUse } from './waiver-types';

export type Status = 'pass' | 'fail' | 'warn' | 'pending' | 'not_applicable' | 'missing_data' | 'waived';

/** The statuses in the order the summary lists them (cli-contract.md). */
export const STATUSES: readonly Status[] = ['pass', 'fail', 'warn', 'pending', 'not_applicable', 'missing_data', 'waived'];

/** The order a person reads findings in, what needs action first; also which of two statuses is the worse. */
export const ATTENTION_ORDER: readonly Status[] = ['fail', 'missing_data', 'warn', 'pending', 'waived', 'pass', 'not_applicable'];

export type Summary = Record<Status, number>;

/** The statuses as every report names them (findings name a composite's leaves by them too). */
export const STATUS_LABELS: Readonly<Record<Status, Bilingual>> = {
  pass: bi('通过', 'pass'),
  fail: bi('不通过', 'fail'),
  warn: bi('警告', 'warn'),
  pending: bi('待到期', 'pending'),
  not_applicable: bi('不适用', 'not applicable'),
  missing_data: bi('缺数据', 'missing data'),
  waived: bi('已豁免', 'waived'),
};

/** What a rule requires; defined with the kinds (engine/expected.ts), which say it. */
export type { Expected };

export interface Citation {
  document: string;
  document_number: string;
  clause: string;
  quote: string;
  /** The rule of another pack this rule restates, with its own citation: a report shows it under this one. */
  restates?: RestatedCitation;
}

/** What a finding rests on: a record that falls short, or a value and where the bureau's report states it. */
export interface Evidence {
  record?: string;
  field?: string;
  /** Where the record or value is written; a line without its column (evidence points to a line). */
  at?: Position;
  detail: Bilingual;
  source?: string;
  /** A record the rule did not count against the bureau: not yet due, lawfully withheld, or judged by a reading shown here. */
  remark?: 'not_due' | 'exempt' | 'inferred';
}

/** One leaf of a composite check, explained: where it stands, what it found against what it requires, its verdict. */
export interface LeafFinding {
  /** Its path in the rule's check, as the JSON names it: `all[0].any[1]`. */
  path: string;
  /** Its number as a person reads it: `2.1`, the first check of the second. */
  number: string;
  kind: CheckKind;
  status: Exclude<Status, 'waived'>;
  actual: Actual;
  expected: Expected;
  found: Bilingual;
  /** The fields it reads, by their labels: what the leaf is about. */
  subject: Bilingual;
  /** What it found against what it requires, without the rule's title. */
  message: Bilingual;
  /** Its own evidence: the records that fall short, or its values and their sources. */
  evidence: Evidence[];
}

export interface Finding {
  rule: string;
  status: Status;
  actual: Actual;
  expected: Expected;
  /** The figure found as a person reads it: exact as written, never rounded across the threshold. */
  found: Bilingual;
  message: Bilingual;
  citation: Citation;
  evidence: Evidence[];
  title: Bilingual;
  severity: Severity;
  pack: string;
  /** A composite check: what it requires in words (the reports' 要求), and every leaf, in the pack's order, each with its verdict and values. */
  required?: Bilingual;
  leaves?: LeafFinding[];
  /** A waiver that covers this failure (status `waived`), or one that would have but has expired. */
  waiver?: WaiverUse;
}

/** Why a submission could not be evaluated: the first problem, and all of them. */
export interface SubmissionError {
  message: Bilingual;
  at?: Position;
  field?: string;
  expected?: Bilingual;
  problems: InputProblem[];
}

export interface SubmissionResult {
  file: string;
  sha256: string | null;
  bureau: Bureau | null;
  year: number | null;
  /** The date the data was compiled; waivers are judged on it unless the run says otherwise. */
  asOf: string | null;
  summary: Summary;
  findings: Finding[];
  error: SubmissionError | null;
  /** What a reader must know before the findings: a bureau outside the pack's jurisdiction, for one. */
  notices: Notice[];
  /** `report` where the data was drafted from a bureau's prose report; absent for a submission written as data. */
  origin?: SubmissionOrigin;
}

/**
 * A remark on a whole submission, shown in every format: a bureau outside a pack's jurisdiction, or a field read
 * under its old name (with the field and its place, as the submission says it: submission/types.ts).
 */
export interface Notice {
  code: 'outside_jurisdiction' | 'bureau_name_missing' | SubmissionNotice['code'];
  message: Bilingual;
  /** The field the notice is about, as written. */
  field?: string;
  /** Where in the file it stands. */
  at?: Position;
}

export interface ChapterInfo {
  number: string;
  title: Bilingual;
  first_item: string;
}

export interface PackInfo {
  id: string;
  version: string;
  sha256: string;
  title: Bilingual;
  document_number: string;
  /** Where the document number is confirmed when the pack's source text does not carry it. */
  document_number_source?: string;
  chapters: ChapterInfo[];
}

export interface CalendarInfo {
  year: number;
  source: string;
}

/** Everything one run found: the input to every report format. */
export interface CheckResult {
  tool: { name: string; version: string };
  packs: PackInfo[];
  submissions: SubmissionResult[];
  /** The holiday calendars the working-day counts used. */
  calendars: CalendarInfo[];
  waivers?: WaiverReport;
  /** Only with --timestamp: without it every report is byte-for-byte reproducible. */
  generatedAt?: string;
  /** Packs, calendars, waiver files or paths that could not be read. */
  errors: InputProblem[];
}

export function emptySummary(): Summary {
  return { pass: 0, fail: 0, warn: 0, pending: 0, not_applicable: 0, missing_data: 0, waived: 0 };
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary = emptySummary();
  for (const finding of findings) summary[finding.status]++;
  return summary;
}
