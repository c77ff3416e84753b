import { bi } from '../core/i18n';
import { InputError } from '../intake/problem';
import { validateAgainst } from '../intake/schema-validator';
import { readYamlFile } from '../intake/yaml';
import { isWeekend, yearOf } from '../core/dates';
import { WorkingDayCalendar, type HolidayYear } from './working-days';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The notices behind the package's data for the plan's years (working-days.md). Where a notice's number could
 * not be confirmed from a source at hand (2026), the notice is named by its title and the address the data
 * package cites for it, rather than by a number that might be wrong.
 */
const NOTICES: Readonly<Record<number, string>> = {
  2022: '国办发明电〔2021〕11号',
  2023: '国办发明电〔2022〕16号',
  2024: '国办发明电〔2023〕7号',
  2025: '国办发明电〔2024〕12号',
  2026: '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
};

function chineseDaysVersion(): string {
  // Required rather than read, so that the self-check page's bundle carries it too.
  return (require('chinese-days/package.json') as { version: string }).version;
}

/** The official calendars 2004–2026 as the maintained package chinese-days carries them. */
export function bundledHolidayYears(): HolidayYear[] {
  // The package's JSON data: the same calendars its functions use, without their silent weekend-only fallback.
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const byYear = new Map<number, { rest: Set<string>; work: Set<string> }>();
  const yearEntry = (date: string): { rest: Set<string>; work: Set<string> } => {
    const year = yearOf(date);
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { rest: new Set(), work: new Set() }));
    return entry;
  };
  for (const date of Object.keys(data.holidays)) yearEntry(date).rest.add(date);
  for (const date of Object.keys(data.workdays)) yearEntry(date).work.add(date);
  const label = `chinese-days@${chineseDaysVersion()}`;
  return [...byYear.entries()].map(([year, { rest, work }]) => ({
    year,
    restDays: rest,
    workingWeekends: work,
    source: NOTICES[year] ? `${NOTICES[year]} (${label})` : label,
  }));
}

interface CalendarFile {
  year: number;
  notice: string;
  rest_days: string[];
  working_weekends: string[];
}

/** A user's calendar for a year the package does not know yet; checked as strictly as a submission. */
export function loadHolidayYear(file: string): HolidayYear {
  const parsed = readYamlFile(file);
  const problems = validateAgainst('calendar.schema.json', parsed);
  if (problems.length > 0) throw new InputError(problems);
  const calendar = parsed.data as CalendarFile;
  const misplaced = (list: 'rest_days' | 'working_weekends', index: number, zh: string, en: string): never => {
    throw new InputError([{ file, at: parsed.locate([list, index]), field: `${list}[${index}]`, message: bi(zh, en) }]);
  };
  // A notice for year Y may move days at the end of December of Y−1 (the 2019 notice worked 2018-12-29).
  const earliest = `${calendar.year - 1}-12-01`;
  const inReach = (date: string): boolean => yearOf(date) === calendar.year || (date >= earliest && yearOf(date) === calendar.year - 1);
  const outside = (date: string): [string, string] => [`${date} 不在 ${calendar.year} 年内(也不在上一年 12 月内)`, `${date} is neither in ${calendar.year} nor in December ${calendar.year - 1}`];
  calendar.rest_days.forEach((date, i) => {
    if (!inReach(date)) misplaced('rest_days', i, ...outside(date));
  });
  calendar.working_weekends.forEach((date, i) => {
    if (!inReach(date)) misplaced('working_weekends', i, ...outside(date));
    if (!isWeekend(date)) misplaced('working_weekends', i, `${date} 不是周末,调休上班日只能是周六或周日`, `${date} is not a Saturday or Sunday; only weekend days can be worked in exchange`);
  });
  return { year: calendar.year, restDays: new Set(calendar.rest_days), workingWeekends: new Set(calendar.working_weekends), source: `${calendar.notice} (${file})` };
}

/** The bundled calendars, with the user's files added (a user's year replaces the bundled one). */
export function loadCalendar(extraFiles: readonly string[] = []): WorkingDayCalendar {
  const years = new Map(bundledHolidayYears().map((year) => [year.year, year]));
  for (const file of extraFiles) {
    const year = loadHolidayYear(file);
    years.set(year.year, year);
  }
  return new WorkingDayCalendar(years.values());
}
