import { dayNumber, fromDayNumber, isWeekendDay, yearOf, type IsoDate } from '../core/dates';

/** One year's holiday arrangement, as the State Council's notice sets it. */
export interface HolidayYear {
  year: number;
  /** Statutory rest days, weekend days inside a holiday period included. */
  restDays: ReadonlySet<IsoDate>;
  /** Weekend days worked in exchange (调休上班). */
  workingWeekends: ReadonlySet<IsoDate>;
  /** Where the arrangement comes from: the notice's number, or the data package. */
  source: string;
}

/** The answer when a date falls in a year no loaded calendar covers: reported, never guessed. */
export interface UnknownYear {
  unknownYear: number;
}

export type WorkingDayResult<T> = T | UnknownYear;

export function isUnknownYear<T extends object>(result: WorkingDayResult<T>): result is UnknownYear {
  return 'unknownYear' in result;
}

/** A year as a table: whether each of its days is a working day, indexed from 1 January. */
interface YearTable {
  year: number;
  firstDay: number;
  working: Uint8Array;
}

/**
 * A year's table from its own notice, and from the next year's notice where that one moves days at the end of
 * this year (the 2019 notice made 2018-12-29 a working day and 2018-12-31 a rest day).
 */
function tableOf(holidays: HolidayYear, next: HolidayYear | undefined): YearTable {
  const firstDay = dayNumber(`${holidays.year}-01-01`);
  const length = dayNumber(`${holidays.year + 1}-01-01`) - firstDay;
  const working = new Uint8Array(length);
  for (let i = 0; i < length; i++) working[i] = isWeekendDay(firstDay + i) ? 0 : 1;
  const mark = (dates: ReadonlySet<IsoDate>, value: 0 | 1): void => {
    for (const date of dates) if (yearOf(date) === holidays.year) working[dayNumber(date) - firstDay] = value;
  };
  mark(holidays.restDays, 0);
  mark(holidays.workingWeekends, 1);
  if (next) {
    mark(next.restDays, 0);
    mark(next.workingWeekends, 1);
  }
  return { year: holidays.year, firstDay, working };
}

/**
 * Working days under Chinese law: weekdays, less statutory holidays, plus the weekend days worked in exchange.
 * Each year is turned into a table once, so counting a deadline is a walk over integers.
 */
export class WorkingDayCalendar {
  private readonly years: ReadonlyMap<number, HolidayYear>;
  private readonly tables = new Map<number, YearTable>();
  /** The years a count has looked at, for the report's provenance. */
  private readonly consulted = new Set<number>();

  constructor(years: Iterable<HolidayYear>) {
    this.years = new Map([...years].map((year) => [year.year, year]));
  }

  /** The calendars the counts so far have used: each year and the notice it comes from, for provenance. */
  consultedYears(): { year: number; source: string }[] {
    return [...this.consulted].sort((a, b) => a - b).map((year) => ({ year, source: (this.years.get(year) as HolidayYear).source }));
  }

  private table(year: number): YearTable | undefined {
    let table = this.tables.get(year);
    if (!table) {
      const holidays = this.years.get(year);
      if (!holidays) return undefined;
      table = tableOf(holidays, this.years.get(year + 1));
      this.tables.set(year, table);
    }
    this.consulted.add(year);
    return table;
  }

  /** Walks the days after `from`, calling `visit` with each working day's number until it returns true. */
  private walk(from: IsoDate, visit: (day: number, working: boolean) => boolean): UnknownYear | undefined {
    let day = dayNumber(from);
    let table = this.table(yearOf(from));
    for (;;) {
      day++;
      if (!table || day - table.firstDay >= table.working.length) {
        const year = yearOf(fromDayNumber(day));
        table = this.table(year);
        if (!table) return { unknownYear: year };
      }
      if (visit(day, table.working[day - table.firstDay] === 1)) return undefined;
    }
  }

  /** Whether a date is a working day; an UnknownYear when its year has no calendar. */
  isWorkingDay(date: IsoDate): WorkingDayResult<{ working: boolean }> {
    const table = this.table(yearOf(date));
    if (!table) return { unknownYear: yearOf(date) };
    return { working: table.working[dayNumber(date) - table.firstDay] === 1 };
  }

  /** The N-th working day after a date: the last day of "within N working days" (the start day not counted). */
  addWorkingDays(from: IsoDate, count: number): WorkingDayResult<{ date: IsoDate }> {
    if (count <= 0) return { date: from };
    let counted = 0;
    let last = 0;
    const unknown = this.walk(from, (day, working) => {
      if (working && ++counted === count) last = day;
      return counted === count;
    });
    return unknown ?? { date: fromDayNumber(last) };
  }

  /** How many working days fall after `from` up to and including `to`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): WorkingDayResult<{ count: number }> {
    const end = dayNumber(to);
    if (end <= dayNumber(from)) return { count: 0 };
    let count = 0;
    const unknown = this.walk(from, (day, working) => {
      if (working) count++;
      return day >= end;
    });
    return unknown ?? { count };
  }
}
