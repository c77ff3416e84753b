import type { CalendarInfo, Finding, PackInfo, Status, SubmissionError, Summary } from '../findings/types';
import type { Bilingual } from '../i18n';
import type { InputProblem } from '../input/problem';
import type { Level } from '../pack/types';
import type { Bureau } from '../submission/types';

/** One submission as the review keeps it: its statuses by rule, not its whole data, so memory stays small. */
export interface ReviewRow {
  file: string;
  sha256: string | null;
  bureau: Bureau | null;
  year: number | null;
  summary: Summary;
  /** Aligned with ReviewResult.rules. */
  statuses: Status[];
  /** Kept only for formats that show each bureau's findings (html). */
  findings?: Finding[];
  error: SubmissionError | null;
}

export interface RuleInfo {
  id: string;
  pack: string;
  clause: string;
  title: Bilingual;
}

export interface RuleCount {
  rule: string;
  counts: Summary;
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
  /** Rules shown (indexes into `rules`), after filters. */
  columns: number[];
  ruleCounts: RuleCount[];
  regressions: YearChange[];
  improvements: YearChange[];
  duplicates: DuplicateBureauYear[];
  rejected: ReviewRow[];
  filters: ReviewFilters;
  calendars: CalendarInfo[];
  generatedAt?: string;
  errors: InputProblem[];
}
