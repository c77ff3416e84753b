import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DELETE } from './helpers';
import { FIXTURE_NAME, fixtureSubmission, writeFolder } from './review-fixture';

/**
 * The reviewer's year (issue 15): 36 submissions over 2022–2025 for cities and counties of Hunan, and a roster that
 * names two bureaus that never file and one that skips 2023; one county off the roster files in 2025. Read by
 * review-roster.test.ts and, for the notices over the same folder, notices-roster.test.ts.
 */
export const YEARS = [2022, 2023, 2024, 2025];
export const FILED: { code: string; level: 'city' | 'county'; skip?: number[] }[] = [
  { code: '430100', level: 'city' },
  { code: '430102', level: 'county' },
  { code: '430103', level: 'county' },
  { code: '430104', level: 'county' },
  { code: '430200', level: 'city' },
  { code: '430202', level: 'county' },
  { code: '430203', level: 'county', skip: [2023] },
  { code: '430300', level: 'city' },
  { code: '430302', level: 'county' },
];
/**
 * What each bureau misses in a year: 430102 fails the online rate in 2023, 430103 stops reporting law lectures in 2025,
 * 430202 fails the online rate in 2024, and 439999 (off the roster) fails the budget in 2025.
 */
export const MISSES: Record<string, Record<number, Record<string, unknown>>> = {
  '430102': { 2023: { 'services.online_handling_rate': '85%' } },
  '430103': { 2025: { 'training.law_lectures': DELETE } },
  '430202': { 2024: { 'services.online_handling_rate': '88%' } },
  '439999': { 2025: { 'leadership.budgeted': false } },
};
export const ONLINE = 'HN-07-online-handling-rate';

export function writeSubmissions(): string {
  const files: Record<string, string> = {};
  for (const year of YEARS) {
    for (const b of FILED) {
      if (b.skip?.includes(year)) continue;
      files[`${year}/${b.level === 'city' ? '' : 'counties/'}${b.code}.yaml`] = fixtureSubmission(b.code, b.level, year, MISSES[b.code]?.[year] ?? {});
    }
  }
  // Not on the roster: a county that files in 2025 only.
  files['2025/counties/439999.yaml'] = fixtureSubmission('439999', 'county', 2025, MISSES['439999'][2025]);
  return writeFolder(files);
}

/** The roster: every bureau that files, plus 430105 and 430303 (whose city is read from its code), which never file. */
export const ROSTER_ROWS: [string, string, string, string][] = [
  ...FILED.map((b): [string, string, string, string] => [b.code, FIXTURE_NAME(b.code), b.level === 'city' ? '市级' : '县级', b.level === 'county' ? `${b.code.slice(0, 4)}00` : '']),
  ['430105', FIXTURE_NAME('430105'), '县级', '430100'],
  ['430303', FIXTURE_NAME('430303'), '县级', ''],
];
export const NOT_FILED = [...YEARS.map((y) => `430105 ${y}`), '430203 2023', ...YEARS.map((y) => `430303 ${y}`)];

export function writeRosterCsv(dir: string): string {
  const file = join(dir, '名册.csv');
  writeFileSync(file, `\uFEFF行政区划代码,单位名称,层级,所属市州代码\r\n${ROSTER_ROWS.map((r) => r.join(',')).join('\r\n')}\r\n`);
  return file;
}

