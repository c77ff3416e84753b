import type { CalendarInfo, Finding, PackInfo, Status, SubmissionError, Summary, Notice } from '../../findings/types';
import type { Bilingual } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import type { Level } from '../../pack/types';
import type { Bureau, SubmissionOrigin } from '../../submission/types';
import type { WaiverReport } from '../../findings/waiver-types';

/** One submission as the review keeps it: its statuses by rule, not its whole data, so memory stays small. */
export interface ReviewRow {
  /** What a reader must know about this submission (a bureau outside the pack's jurisdiction). */
  notices: Notice[];
  file: string;
  sha256: string | null;
  bureau: Bureau | null;
  year: number | null;
  summary: Summary;
  /** Aligned with ReviewResult.rules. */
  statuses: Status[];
  /** Kept only for formats that show each bureau's findings (html). */
  findings?: Finding[];
  /** With --waivers: the waivers applied to this submission, and those that matched but had expired. */
  waivers?: { applied: string[]; expired: string[] };
  error: SubmissionError | null;
  /** `report` for a submission drafted from a prose report: its row says how many targets the report states. */
  origin?: SubmissionOrigin;
}

export interface RuleInfo {
  id: string;
  pack: string;
  /** The document the rule cites (《…》): a pack of several regulations names it beside an article. */
  document: string;
  clause: string;
  title: Bilingual;
}

export interface YearCounts {
  year: number;
  counts: Summary;
}

/**
 * How many bureaus have each status for one rule, per reporting year: a bureau is counted once a year, by the
 * worse of its statuses when it sent two files for the year. `counts` adds the years up (bureau-years).
 */
export interface RuleCount {
  rule: string;
  counts: Summary;
  years: YearCounts[];
}

/** A change in one rule's status for one bureau between consecutive years. */
export interface YearChange {
  bureau: string;
  region_code?: string;
  rule: string;
  from_year: number;
  to_year: number;
  from: Status;
  to: Status;
  /** Rows (in ReviewResult.rows) of the two submissions. */
  fromRow: number;
  toRow: number;
}

export interface DuplicateBureauYear {
  bureau: string;
  region_code?: string;
  year: number;
  files: string[];
}

export interface ReviewFilters {
  levels: Level[];
  regions: string[];
  rules: string[];
  statuses: Status[];
  years: number[];
}

/** Everything a review found: the input to every review format. */
export interface ReviewResult {
  tool: { name: string; version: string };
  packs: PackInfo[];
  rules: RuleInfo[];
  /** Files found, evaluated and rejected: found = evaluated + rejected. */
  counts: { found: number; evaluated: number; rejected: number };
  /** The rows shown, after filters, sorted by bureau then year. */
  rows: ReviewRow[];
  /** Rules shown (indexes into `rules`), after filters; a rule's number is its index + 1 whatever is shown. */
  columns: number[];
  /** The reporting years of the rows shown, in order. */
  years: number[];
  ruleCounts: RuleCount[];
  regressions: YearChange[];
  improvements: YearChange[];
  duplicates: DuplicateBureauYear[];
  rejected: ReviewRow[];
  filters: ReviewFilters;
  calendars: CalendarInfo[];
  waivers?: WaiverReport;
  generatedAt?: string;
  /** Packs, calendars or waiver files that could not be read. */
  errors: InputProblem[];
  /** Paths named that gave no file: empty folders, names that do not exist. Not counted as files found. */
  paths: InputProblem[];
}
