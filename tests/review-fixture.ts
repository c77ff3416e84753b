import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadPack } from '../src/pack/load';
import { BUNDLED_PACK } from '../src/core/paths';
import { CITY_ALL_MET, DELETE, tempDir, type Edits } from './helpers';

/** A bureau of the review fixture, and what it misses in each year. */
interface FixtureBureau {
  code: string;
  level: 'city' | 'county';
  misses: Record<number, Edits>;
}

const BUREAUS: FixtureBureau[] = [
  { code: '430100', level: 'city', misses: {} },
  { code: '430102', level: 'county', misses: { 2024: { 'training.collective_law_study_sessions': 2 } } },
  { code: '430103', level: 'county', misses: { 2023: { 'services.online_handling_rate': '85%' } } },
  { code: '430104', level: 'county', misses: { 2023: { 'major_decisions.items.0.archived': false }, 2024: { 'major_decisions.items.0.archived': false } } },
  { code: '430105', level: 'county', misses: { 2024: { 'leadership.budgeted': false, 'training.collective_law_study_sessions': 1 } } },
  { code: '430106', level: 'county', misses: {} },
  { code: '430107', level: 'county', misses: { 2024: { 'major_decisions.items.0.archived': false } } },
  { code: '430108', level: 'county', misses: { 2023: { 'training.law_lectures': DELETE } } },
  { code: '430200', level: 'city', misses: {} },
  { code: '430201', level: 'county', misses: { 2024: { 'services.online_handling_rate': '88%' } } },
];

export const FIXTURE_NAME = (code: string): string => `审查测试${code}人力资源和社会保障局`;

/** The all-met 2024 example moved to another year: every date in it moves by as many years (its records stay in their year). */
function exampleFor(year: number): Record<string, unknown> {
  const text = readFileSync(CITY_ALL_MET, 'utf8').replace(/\b(202[45])-(\d\d-\d\d)\b/g, (_, y: string, rest: string) => `${Number(y) + year - 2024}-${rest}`);
  return parse(text) as Record<string, unknown>;
}

/** A submission of the fixture's kind: the all-met city example as bureau `code` for `year`, with edits applied. */
export function fixtureSubmission(code: string, level: 'city' | 'county', year: number, edits: Edits = {}): string {
  const data = exampleFor(year);
  const all: Edits = { 'bureau.name': FIXTURE_NAME(code), 'bureau.level': level, 'bureau.region_code': code, year, as_of: `${year + 1}-01-15`, ...edits };
  for (const [path, value] of Object.entries(all)) {
    const keys = path.split('.');
    let node = data as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    if (value === DELETE) delete node[keys[keys.length - 1]];
    else node[keys[keys.length - 1]] = value;
  }
  return stringify(data);
}

function submission(bureau: FixtureBureau, year: number, extra: Edits = {}): string {
  return fixtureSubmission(bureau.code, bureau.level, year, { ...bureau.misses[year], ...extra });
}

/** A folder of files given by their paths inside it; returns the folder. */
export function writeFolder(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * 22 files in nested folders: ten bureaus in 2023 and 2024, a second 2024 submission for 430106 (a duplicate
 * bureau-year that also misses the budget), and one malformed file.
 */
export function writeReviewFixture(): string {
  const root = tempDir();
  for (const year of [2023, 2024]) {
    mkdirSync(join(root, String(year), 'counties'), { recursive: true });
    for (const bureau of BUREAUS) {
      const folder = bureau.level === 'city' ? join(root, String(year)) : join(root, String(year), 'counties');
      writeFileSync(join(folder, `${bureau.code}.yaml`), submission(bureau, year));
    }
  }
  writeFileSync(join(root, '2024', 'counties', '430106-resubmitted.yaml'), submission(BUREAUS[5], 2024, { 'leadership.budgeted': false }));
  writeFileSync(join(root, '2024', 'counties', '430199-broken.yaml'), 'bureau:\n  name: 审查测试430199人力资源和社会保障局\n  level: county\nyear: 2024\nservices:\n  online_handling_rate: 93\n');
  writeFileSync(join(root, '2024', 'notes.txt'), 'not a submission');
  return root;
}

/** The bundled pack's rule ids in its order: a rule's number in the matrix is its place here, counted from 1. */
export const RULE_IDS: readonly string[] = loadPack(BUNDLED_PACK).rules.map((rule) => rule.id);

export function ruleNo(id: string): number {
  const index = RULE_IDS.indexOf(id);
  if (index < 0) throw new Error(`no rule ${id} in the bundled pack`);
  return index + 1;
}
