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
  /** With --roster: who has not filed, and who filed without being on it. */
  roster?: RosterReport;
  /** Each city with its counties, for the latest year shown (or the one --year names). */
  cities: CityRollup[];
  /** With several years: each target's share met per year, and each bureau's statuses year by year. */
  trend: Trend;
  /** `--by city`: the formats print only the roll-up; `--by year`: only the trend over the years. */
  by?: ReviewGrouping;
}

/** What `--by` may ask for instead of the matrix: the roll-up by city, or the trend over the years. */
export const REVIEW_GROUPINGS = ['city', 'year'] as const;
export type ReviewGrouping = (typeof REVIEW_GROUPINGS)[number];

/** A bureau of the roster with no submission for a year of the review: 未报送 (`not_filed`). */
export interface NotFiled {
  bureau: string;
  region_code?: string;
  level: Level;
  city_code?: string;
  year: number;
}

/** A bureau that sent submissions but is not on the roster (名册外). */
export interface OffRoster {
  bureau: string;
  region_code?: string;
  level: Level;
  years: number[];
  files: string[];
}

/** The roster a review was given, and what it found against it. */
export interface RosterReport {
  file: string;
  sha256: string;
  bureaus: number;
  notFiled: NotFiled[];
  offRoster: OffRoster[];
}

/** A status in a roll-up or a trend: a finding's status, or no submission from a bureau the roster expects. */
export type FiledStatus = Status | 'not_filed';

/** For one target, across a city's counties: how many meet it (pass), and which miss it (fail, missing data, not filed). */
export interface CityTarget {
  rule: string;
  /** The city bureau's own status; undefined when the city has no bureau in the review or the roster. */
  own?: FiledStatus;
  met: number;
  /** Counties for which the target applies (not 不适用). */
  of: number;
  missed: { bureau: string; region_code?: string; status: FiledStatus }[];
}

export interface CityRollup {
  city_code: string;
  /** The city bureau's name, else the code. */
  name: string;
  year: number;
  counties: number;
  targets: CityTarget[];
}

/** One target's share of bureaus meeting it, per year: met (pass) of those it applies to, a bureau counted once a year. */
export interface TargetTrend {
  rule: string;
  years: { year: number; met: number; of: number }[];
}

/** A bureau's statuses year by year (aligned with ReviewResult.years; null where it has no row and is not expected). */
export interface BureauTrend {
  bureau: string;
  region_code?: string;
  level: Level;
  /** Per year of the review: per shown column, its status; null without a submission (`not_filed` when the roster expects one). */
  years: { year: number; statuses: Status[] | null; not_filed?: true }[];
}

export interface Trend {
  targets: TargetTrend[];
  bureaus: BureauTrend[];
}
