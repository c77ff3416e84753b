import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * The benchmark's submissions. Bump GENERATOR_VERSION when the files it writes change: the bench keeps generated
 * files in a cache folder keyed by it (and by a hash of this file, so an edit that forgets the bump still counts).
 */
export const GENERATOR_VERSION = 3;

export function generatorKey(): string {
  const hash = createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 10);
  return `v${GENERATOR_VERSION}-${hash}`;
}

/** A small seeded generator (mulberry32): the same index always gives the same submission. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One province has 1 provincial department, 14 cities and 122 counties: the same mix at every size. */
export function levelOf(index: number): 'province' | 'city' | 'county' {
  const position = index % 137;
  return position === 0 ? 'province' : position <= 14 ? 'city' : 'county';
}

/** Enforcement records of a large submission (a busy provincial capital's year). */
export const LARGE_RECORDS = 10_000;

/** One submission in twenty (5 %) is large, by its index alone. */
export function isLarge(index: number): boolean {
  return index % 20 === 19;
}

/** The ranges the generator draws from, each drawn once per submission. */
export const RANGES = { enforcement: [100, 2000], majorDecisions: [10, 50], normativeDocuments: [1, 8], certificationItems: [0, 3] } as const;

const DAY_TABLES = new Map<number, { dates: string[]; beforeHolidays: number[] }>();

/**
 * The dates from 1 January of `year` to 30 April after it, by day of the year, and the days just before each
 * holiday period of the year (read from the same chinese-days data plancheck uses), where a deadline runs across it.
 */
function daysOf(year: number): { dates: string[]; beforeHolidays: number[] } {
  let table = DAY_TABLES.get(year);
  if (table) return table;
  const start = Date.UTC(year, 0, 1);
  const dates: string[] = [];
  for (let ms = start; ms < Date.UTC(year + 1, 4, 1); ms += 86_400_000) dates.push(new Date(ms).toISOString().slice(0, 10));
  const holidays = new Set(Object.keys((require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> }).holidays));
  const beforeHolidays: number[] = [];
  for (let day = 1; day < 366 && dates[day].startsWith(String(year)); day++) {
    if (holidays.has(dates[day]) && !holidays.has(dates[day - 1])) for (let back = 1; back <= 6 && day - back >= 0; back++) beforeHolidays.push(day - back);
  }
  table = { dates, beforeHolidays };
  DAY_TABLES.set(year, table);
  return table;
}

export interface SyntheticOptions {
  year?: number;
  /** A fixed number of enforcement records (the per-record cost files); otherwise drawn, or LARGE_RECORDS. */
  enforcementRecords?: number;
}

/** How many enforcement records submission `index` has (drawn first, so it is known without writing the file). */
export function enforcementCount(index: number, options: SyntheticOptions = {}): number {
  if (options.enforcementRecords !== undefined) return options.enforcementRecords;
  if (isLarge(index)) return LARGE_RECORDS;
  const rand = random(index * 7919 + (options.year ?? 2024));
  const [min, max] = RANGES.enforcement;
  return min + Math.floor(rand() * (max - min + 1));
}

/**
 * A realistic submission, line by line: every section filled, 10–50 major decisions, 100–2,000 enforcement
 * decisions (10,000 in one file in twenty), with dates spread over the year and bunched before its holidays (Spring
 * Festival, Labour Day, National Day…), mostly but not always on time, a few unpublished or lawfully withheld.
 * Each count is drawn once, before its loop.
 */
export function* syntheticLines(index: number, options: SyntheticOptions = {}): Generator<string> {
  const year = options.year ?? 2024;
  const records = enforcementCount(index, options);
  const rand = random(index * 7919 + year);
  rand(); // the draw enforcementCount made
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const chance = (p: number): boolean => rand() < p;
  const percent = (min: number, max: number): string => `${(min + rand() * (max - min)).toFixed(1)}%`;
  const flag = (p = 0.98): string => String(chance(p));
  const { dates, beforeHolidays } = daysOf(year);
  const lastDay = dates.indexOf(`${year}-12-20`);
  const level = levelOf(index);
  const code = String(430000 + (index % 9000) * 11).padStart(6, '0');
  yield '# Synthetic submission for the benchmark (made up).';
  yield 'bureau:';
  yield `  name: 合成${level === 'province' ? '省' : level === 'city' ? '市' : '县'}${index}人力资源和社会保障局`;
  yield `  level: ${level}`;
  yield `  region_code: "${code}"`;
  yield `year: ${year}`;
  // Most data is compiled in January; some after the annual report's deadline of 31 March.
  const asOf = dates.indexOf(chance(0.8) ? `${year + 1}-01-20` : `${year + 1}-04-15`);
  yield `as_of: ${dates[asOf]}`;
  yield 'functions:';
  yield `  power_list_published: ${flag(0.97)}`;
  yield `  fee_list_published: ${flag(0.97)}`;
  yield '  approval_items_published: true';
  yield `  supervision_list_compiled: ${flag()}`;
  yield `  fee_complaint_mechanism: ${flag()}`;
  yield `  service_lists: { government_services: true, public_services: ${flag()}, intermediary_services: true }`;
  yield `  licensing_lists: { licensing_items: true, filing_management: ${flag()} }`;
  const certifications = int(RANGES.certificationItems[0], RANGES.certificationItems[1]);
  if (certifications === 0) yield '  new_certification_items: []';
  else {
    yield '  new_certification_items:';
    for (let i = 0; i < certifications; i++) {
      const basis = chance(0.95) ? `《就业促进法》第${int(1, 60)}条` : chance(0.5) ? '《湖南省就业服务管理办法》' : '局务会研究决定';
      yield `    - name: 合成证明事项${i + 1}`;
      yield `      legal_basis: ${basis}`;
    }
  }
  yield 'services:';
  if (level !== 'province') yield `  online_handling_rate: ${chance(0.97) ? percent(90, 99) : percent(86, 90)}`;
  yield `  one_window_rate: { value: ${percent(78, 98)}, source: 年度报告 二、(二) }`;
  yield '  cross_province_window: true';
  const badReviews = int(0, 40);
  yield `  named_bad_reviews: ${badReviews}`;
  if (badReviews > 0) yield `  bad_review_followup_rate: ${chance(0.9) ? '100%' : percent(95, 99.9)}`;
  yield `  service_systems: { first_inquiry: true, one_time_notice: true, time_limit: ${flag()}, agency_service: true, accountability: true }`;
  yield `  satisfaction_index: ${flag(0.95)}`;
  yield `  one_thing: { insurance_certificate: true, business_startup: true, retirement: true, posthumous: ${flag()}, benefit_eligibility: true }`;
  yield 'normative_documents:';
  yield '  items:';
  const documents = int(RANGES.normativeDocuments[0], RANGES.normativeDocuments[1]);
  for (let i = 0; i < documents; i++) {
    yield `    - id: 合成人社规〔${year}〕${i + 1}号`;
    yield `      title: 合成规范性文件${i + 1}`;
    yield '      legality_review: true';
    yield `      filed: ${flag(0.99)}`;
    yield `      interpreted: ${flag(0.97)}`;
  }
  yield `  in_force: ${int(documents, documents + 20)}`;
  yield `  post_enactment_evaluations: ${int(0, 3)}`;
  yield '  three_unified: true';
  yield `  validity_and_cleanup: ${flag()}`;
  yield 'major_decisions:';
  yield '  catalog_published: true';
  yield '  items:';
  const decisions = int(RANGES.majorDecisions[0], RANGES.majorDecisions[1]);
  for (let i = 0; i < decisions; i++) {
    yield `    - id: MD-${year}-${String(i + 1).padStart(3, '0')}`;
    yield `      title: 合成重大行政决策${i + 1}`;
    yield '      initiation: true';
    yield '      legality_review: true';
    yield `      collective_discussion: ${flag(0.998)}`;
    yield `      archived: ${flag(0.998)}`;
    yield `      legal_office_consulted: ${flag(0.998)}`;
    yield `      expert_review: ${chance(0.8) ? 'true' : '{ not_required: 非专业性、技术性事项 }'}`;
    yield `      risk_assessment: ${chance(0.7) ? 'true' : '{ not_required: 不涉及社会稳定风险 }'}`;
    yield '      publication: true';
    if (chance(0.7)) {
      const from = int(1, lastDay - 50);
      const days = chance(0.97) ? int(30, 45) : int(20, 29);
      yield '      public_consultation:';
      yield `        from: ${dates[from]}`;
      yield `        to: ${dates[from + days]}`;
      if (days < 30 && chance(0.7)) yield '        shortened_reason: 上级部署时限要求';
    } else yield '      public_participation: true';
  }
  const officers = int(8, 60);
  yield 'enforcement:';
  yield `  officers_total: ${officers}`;
  yield `  officers_certified: ${chance(0.9) ? officers : officers - 1}`;
  yield '  three_systems: { publicity: true, full_process_recording: true, legal_review: true }';
  yield '  discretion_standards_published: true';
  yield `  legal_review_staffed: ${flag()}`;
  yield '  case_transfer_system: true';
  yield '  items_without_basis_cancelled: true';
  yield `  minor_violation_exemption_list: ${flag()}`;
  yield '  decisions:';
  // Some bureaus publish every decision within days; the others are late now and then, most of all before a holiday.
  const punctual = chance(0.4);
  for (let i = 0; i < records; i++) {
    const type = pick(['penalty', 'penalty', 'licensing', 'licensing', 'inspection', 'inspection', 'other'] as const);
    const decided = chance(0.15) ? pick(beforeHolidays) : int(1, lastDay);
    const id = `合成人社决〔${year}〕${i + 1}号`;
    if (chance(0.002)) yield `    - { id: ${id}, type: ${type}, decided_on: ${dates[decided]}, withheld_under: 《政府信息公开条例》第十四条 }`;
    else if (!punctual && chance(0.001)) yield `    - { id: ${id}, type: ${type}, decided_on: ${dates[decided]} }`;
    else {
      const lag = punctual ? int(0, 4) : chance(0.99) ? int(0, 9) : int(10, 30);
      yield `    - { id: ${id}, type: ${type}, decided_on: ${dates[decided]}, published_on: ${dates[decided + lag]} }`;
    }
  }
  yield 'emergency:';
  yield `  response_plan: ${flag()}`;
  yield 'disputes:';
  yield `  gold_mediation_orgs: ${level === 'province' ? int(150, 320) : int(0, 30)}`;
  yield '  head_appears_in_court: true';
  yield '  judicial_consultation_mechanism: true';
  yield `  judgments_performed: ${flag(0.995)}`;
  yield `  procuratorial_suggestions_followed: ${flag()}`;
  yield `legal_education: { contact_villages: ${int(0, 5)}, responsibility_list: true, lecturer_group: ${flag()}, constitution_publicity: true, five_ones_campaign: ${flag()}, head_lectures: true }`;
  yield `transparency: { disclosure_catalog: true, proactive_disclosure_rate: ${chance(0.95) ? '100%' : percent(97, 99.9)} }`;
  yield 'oversight:';
  yield `  separation: { investigation_decision: true, approval_supervision: true, fund_income_supervision: ${flag()} }`;
  yield '  case_file_review: true';
  yield `  enforcement_supervisors: ${flag(0.95)}`;
  const reported = chance(0.9);
  yield 'leadership:';
  yield `  annual_planning_meetings: ${int(0, 3)}`;
  yield `  annual_report_published: ${reported}`;
  const newYear = dates.indexOf(`${year + 1}-01-02`);
  if (reported) yield `  annual_report_published_on: ${dates[int(newYear, asOf)]}`;
  yield '  leading_group: true';
  yield `  budgeted: ${flag(0.95)}`;
  yield '  in_development_plan: true';
  yield `  leaders_report_on_law: ${flag()}`;
  yield '  liaison_mechanism: true';
  yield '  legal_advisers: true';
  yield `  public_lawyers: ${flag(0.9)}`;
  yield `training: { collective_law_study_sessions: ${int(2, 6)}, law_lectures: ${int(1, 4)}, special_trainings: ${int(0, 3)}, court_hearing_visits: ${int(0, 2)}, law_in_study_plan: true, constitutional_oath: ${flag()} }`;
}

/** The whole submission as one string (for tests and single files). */
export function syntheticSubmission(index: number, year = 2024, options: Omit<SyntheticOptions, 'year'> = {}): string {
  return `${[...syntheticLines(index, { ...options, year })].join('\n')}\n`;
}

const CHUNK = 1 << 16;

/** Writes one submission to `file`, in chunks of about 64 KiB, never the whole text at once. */
export function writeSubmission(file: string, index: number, options: SyntheticOptions = {}): void {
  const fd = openSync(file, 'w');
  try {
    let chunk = '';
    for (const line of syntheticLines(index, options)) {
      chunk += `${line}\n`;
      if (chunk.length >= CHUNK) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** The path of submission `index` under `dir`: a folder per thousand. */
export function syntheticPath(dir: string, index: number): string {
  return join(dir, String(Math.floor(index / 1000)).padStart(3, '0'), `${String(index).padStart(6, '0')}.yaml`);
}

/** Writes submissions `from` … `count − 1` into `dir`, a folder per thousand, one file at a time. */
export function writeSynthetic(dir: string, count: number, year = 2024, from = 0): void {
  for (let i = from; i < count; i++) {
    if (i === from || i % 1000 === 0) mkdirSync(join(dir, String(Math.floor(i / 1000)).padStart(3, '0')), { recursive: true });
    writeSubmission(syntheticPath(dir, i), i, { year });
  }
}
