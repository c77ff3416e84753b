import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One province has 1 provincial department, 14 cities and 122 counties: the same mix at every size. */
export function levelOf(index: number): 'province' | 'city' | 'county' {
  const position = index % 137;
  return position === 0 ? 'province' : position <= 14 ? 'city' : 'county';
}

/**
 * A realistic submission: every section filled, 10–50 major decisions, 100–2,000 enforcement decisions with dates
 * spread over the year (so across Spring Festival, Labour Day and National Day), mostly but not always on time.
 */
export function syntheticSubmission(index: number, year = 2024): string {
  const rand = random(index * 7919 + year);
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const chance = (p: number): boolean => rand() < p;
  const percent = (min: number, max: number): string => `${(min + rand() * (max - min)).toFixed(1)}%`;
  const level = levelOf(index);
  const code = String(110000 + index).padStart(6, '0');
  const start = Date.UTC(year, 0, 2);
  const span = Date.UTC(year, 11, 20) - start;
  const lines: string[] = [
    '# Synthetic submission for the benchmark (made up).',
    'bureau:',
    `  name: 合成${level === 'province' ? '省' : level === 'city' ? '市' : '县'}${index}人力资源和社会保障局`,
    `  level: ${level}`,
    `  region_code: "${code}"`,
    `year: ${year}`,
    `as_of: ${year + 1}-01-20`,
    'functions:',
    `  power_list_published: ${chance(0.97)}`,
    `  fee_list_published: ${chance(0.97)}`,
    `  approval_items_published: true`,
    `  supervision_list_compiled: ${chance(0.98)}`,
    '  new_certification_items:',
  ];
  for (let i = 0; i < int(1, 3); i++) lines.push(`    - name: 合成证明事项${i + 1}`, `      legal_basis: 《就业促进法》第${int(1, 60)}条`);
  lines.push(
    'services:',
    `  online_handling_rate: ${percent(86, 99)}`,
    `  one_window_rate: { value: ${percent(76, 98)}, source: 年度报告 二、(二) }`,
    `  cross_province_window: true`,
    `  bad_review_followup_rate: ${chance(0.9) ? '100%' : percent(95, 99.9)}`,
    'normative_documents:',
    '  items:',
  );
  for (let i = 0; i < int(1, 8); i++) lines.push(`    - id: 合成人社规〔${year}〕${i + 1}号`, `      title: 合成规范性文件${i + 1}`, `      legality_reviewed: true`, `      filed: ${chance(0.97)}`);
  lines.push(`  post_enactment_evaluations: ${int(0, 3)}`, 'major_decisions:', '  catalog_published: true', '  items:');
  for (let i = 0; i < int(10, 50); i++) {
    lines.push(`    - id: MD-${year}-${String(i + 1).padStart(3, '0')}`, `      title: 合成重大行政决策${i + 1}`, `      legality_review: true`, `      collective_discussion: ${chance(0.99)}`, `      archived: ${chance(0.97)}`);
    if (chance(0.7)) {
      const from = start + Math.floor(rand() * (span - 50 * DAY));
      const days = chance(0.9) ? int(30, 45) : int(20, 29);
      lines.push('      public_consultation:', `        from: ${isoDate(from)}`, `        to: ${isoDate(from + days * DAY)}`);
      if (days < 30 && chance(0.5)) lines.push('        shortened_reason: 上级部署时限要求');
    }
  }
  const officers = int(8, 60);
  lines.push(
    'enforcement:',
    `  officers_total: ${officers}`,
    `  officers_certified: ${chance(0.9) ? officers : officers - 1}`,
    '  three_systems: { publicity: true, full_process_recording: true, legal_review: true }',
    '  discretion_standards_published: true',
    '  decisions:',
  );
  for (let i = 0; i < int(100, 2000); i++) {
    const type = pick(['penalty', 'penalty', 'licensing', 'licensing', 'inspection', 'inspection', 'other'] as const);
    const decided = start + Math.floor(rand() * span);
    const lag = chance(0.95) ? int(0, 9) : int(10, 30);
    lines.push(`    - { id: 合成人社决〔${year}〕${i + 1}号, type: ${type}, decided_on: ${isoDate(decided)}, published_on: ${isoDate(decided + lag * DAY)} }`);
  }
  lines.push(
    'disputes:',
    `  gold_mediation_orgs: ${level === 'province' ? int(150, 320) : int(0, 30)}`,
    'legal_education: { contact_villages: ' + int(0, 5) + ', responsibility_list: true }',
    'transparency: { disclosure_catalog: true }',
    `leadership: { annual_planning_meetings: ${int(0, 3)}, annual_report_published: true, leading_group: true, budgeted: ${chance(0.95)} }`,
    `training: { collective_law_study_sessions: ${int(2, 6)}, law_lectures: ${int(1, 4)}, special_trainings: ${int(0, 3)}, court_hearing_visits: ${int(0, 2)} }`,
    '',
  );
  return lines.join('\n');
}

/** Writes `count` submissions into `dir`, a folder per thousand, one file at a time. */
export function writeSynthetic(dir: string, count: number, year = 2024): void {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}.yaml`), syntheticSubmission(i, year));
  }
}
