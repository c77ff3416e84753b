import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalendar } from '../src/calendar/holiday-notices';
import { checkJson, cli, CITY_ALL_MET, editedPack, variantIn, writeTemp } from './helpers';

const calendar = loadCalendar();
const CALENDAR_2027 = join(__dirname, 'fixtures', 'calendar-2027.yaml');

/**
 * Decision date → the last day on time, counted by hand from the State Council's notices
 * (the day of the decision not counted; worked weekends count; holidays do not).
 */
const SEVEN_DAYS: ReadonlyArray<readonly [string, string, string]> = [
  ['2022-01-28', '2022-02-11', 'Spring Festival 2022: 01-31…02-06 rest, Saturday 01-29 and Sunday 01-30 worked'],
  ['2022-04-29', '2022-05-12', 'Labour Day 2022: 04-30…05-04 rest, Saturday 05-07 worked'],
  ['2022-09-30', '2022-10-14', 'National Day 2022: 10-01…10-07 rest, Saturday 10-08 and Sunday 10-09 worked'],
  ['2023-01-20', '2023-02-03', 'Spring Festival 2023: 01-21…01-27 rest, Saturday 01-28 and Sunday 01-29 worked'],
  ['2023-04-27', '2023-05-10', 'Labour Day 2023: 04-29…05-03 rest, Saturday 05-06 worked'],
  ['2023-09-28', '2023-10-13', 'National Day 2023: 09-29…10-06 rest, Saturday 10-07 and Sunday 10-08 worked'],
  ['2024-02-08', '2024-02-23', 'Spring Festival 2024: 02-10…02-17 rest, Sunday 02-18 worked'],
  ['2024-04-26', '2024-05-09', 'Labour Day 2024: 05-01…05-05 rest, Sunday 04-28 worked'],
  ['2024-09-27', '2024-10-12', 'National Day 2024: 10-01…10-07 rest, Sunday 09-29 and Saturday 10-12 worked'],
  ['2025-01-24', '2025-02-10', 'Spring Festival 2025: 01-28…02-04 rest, Sunday 01-26 and Saturday 02-08 worked'],
  ['2025-04-25', '2025-05-08', 'Labour Day 2025: 05-01…05-05 rest, Sunday 04-27 worked'],
  ['2025-09-26', '2025-10-13', 'National Day 2025: 10-01…10-08 rest, Sunday 09-28 and Saturday 10-11 worked'],
  ['2025-12-26', '2026-01-07', 'New Year 2026: 01-01…01-03 rest, Sunday 01-04 worked'],
  ['2026-02-13', '2026-03-02', 'Spring Festival 2026: 02-15…02-23 rest, Saturdays 02-14 and 02-28 worked'],
  ['2026-04-30', '2026-05-13', 'Labour Day 2026: 05-01…05-05 rest, Saturday 05-09 worked'],
  ['2026-09-30', '2026-10-15', 'National Day 2026: 10-01…10-07 rest, Saturday 10-10 worked'],
];

describe('the 7th working day after a decision, across holidays and worked weekends', () => {
  test.each(SEVEN_DAYS)('decided %s: on time until %s (%s)', (decided, lastDay) => {
    expect(calendar.addWorkingDays(decided, 7)).toEqual({ date: lastDay });
  });

  test('a worked Sunday is a working day, a holiday Monday is not, and an unknown year says so', () => {
    expect(calendar.isWorkingDay('2024-02-18')).toEqual({ working: true });
    expect(calendar.isWorkingDay('2024-02-12')).toEqual({ working: false });
    expect(calendar.isWorkingDay('2024-02-19')).toEqual({ working: true });
    expect(calendar.isWorkingDay('2027-03-01')).toEqual({ unknownYear: 2027 });
  });

  test('20 working days across National Day 2023 and Spring Festival 2025', () => {
    expect(calendar.addWorkingDays('2023-09-28', 20)).toEqual({ date: '2023-11-01' });
    expect(calendar.addWorkingDays('2025-01-24', 20)).toEqual({ date: '2025-02-27' });
  });
});

/** The plan covers 2022–2025: these decisions are checked through the CLI as a bureau would. */
const IN_PLAN = SEVEN_DAYS.filter(([decided]) => decided < '2026');

describe('through plancheck check: published on the last day passes, the next working day fails', () => {
  test.each(IN_PLAN)('decided %s, due %s', async (decided, lastDay) => {
    const next = calendar.addWorkingDays(lastDay, 1) as { date: string };
    const year = Number(decided.slice(0, 4));
    const submission = (published: string): string =>
      variantIn(year, CITY_ALL_MET, { as_of: `${year + 1}-01-31`, 'enforcement.decisions': [{ id: 'P-1', type: 'penalty', decided_on: decided, published_on: published }] });
    const onTime = await checkJson([submission(lastDay)]);
    expect(onTime.submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays')?.status).toBe('pass');
    const late = await checkJson([submission(next.date)], '--lang', 'en');
    const finding = late.submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays');
    expect(finding?.status).toBe('fail');
    expect(finding?.evidence[0].detail).toContain(`due by ${lastDay}`);
  });
});

describe('a year no calendar covers is reported, never counted as weekends only', () => {
  /** The bundled pack stops at 2025; a copy running to 2027 is a YAML edit. */
  const packTo2027 = (): string => editedPack((text) => text.replace('years: { from: 2022, to: 2025 }', 'years: { from: 2022, to: 2027 }'));
  const decision2027 = (): string =>
    variantIn(2027, CITY_ALL_MET, { as_of: '2028-01-31', 'enforcement.decisions': [{ id: 'P-2027-1', type: 'penalty', decided_on: '2027-02-03', published_on: '2027-02-16' }] });

  test('without a calendar for 2027 the finding is missing_data and says which year is unknown', async () => {
    const { status, submissions } = await checkJson([decision2027()], '--pack', packTo2027());
    const finding = submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays');
    expect(finding?.status).toBe('missing_data');
    expect(finding?.message.zh).toContain('缺少 2027 年的节假日安排');
    expect(finding?.message.en).toContain('no holiday calendar for 2027');
    expect(finding?.evidence[0].record).toBe('P-2027-1');
    // Nothing fails, but a deadline cannot be counted: the data is incomplete (exit 3).
    expect(status).toBe(3);
  });

  test('with --calendar for 2027 the deadline is counted from that notice', async () => {
    // After 02-03: 02-04 (1), 02-05…02-11 rest, 02-12 (2), Saturday 02-13 worked (3), 02-15 (4), 02-16 (5).
    const file = decision2027();
    const { submissions } = await checkJson([file], '--pack', packTo2027(), '--calendar', CALENDAR_2027);
    expect(submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays')?.status).toBe('pass');
    expect(loadCalendar([CALENDAR_2027]).addWorkingDays('2027-02-03', 7)).toEqual({ date: '2027-02-18' });
  });

  test('a calendar file that names a weekday as a worked weekend is refused with its place', async () => {
    const bad = writeTemp('calendar.yaml', readFileSync(CALENDAR_2027, 'utf8').replace('working_weekends: [2027-02-13]', 'working_weekends: [2027-02-12]'));
    const run = await cli('check', CITY_ALL_MET, '--calendar', bad);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('2027-02-12 不是周末');
    expect(run.stdout).toContain('第 6 行');
  });
});
