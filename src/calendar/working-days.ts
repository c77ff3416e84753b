import { isWeekend, nextDay, yearOf, type IsoDate } from './dates';

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

/** Working days under Chinese law: weekdays, less statutory holidays, plus the weekend days worked in exchange. */
export class WorkingDayCalendar {
  private readonly years: ReadonlyMap<number, HolidayYear>;
  /** The years a count has looked at, for the report's provenance. */
  private readonly consulted = new Set<number>();

  constructor(years: Iterable<HolidayYear>) {
    this.years = new Map([...years].map((year) => [year.year, year]));
  }

  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  holidayYear(year: number): HolidayYear | undefined {
    return this.years.get(year);
  }

  /** The calendars the counts so far have used, by year. */
  consultedYears(): HolidayYear[] {
    return [...this.consulted].sort((a, b) => a - b).map((year) => this.years.get(year) as HolidayYear);
  }

  /** Whether a date is a working day; an UnknownYear when its year has no calendar. */
  isWorkingDay(date: IsoDate): WorkingDayResult<{ working: boolean }> {
    const year = this.years.get(yearOf(date));
    if (!year) return { unknownYear: yearOf(date) };
    this.consulted.add(year.year);
    if (year.workingWeekends.has(date)) return { working: true };
    return { working: !year.restDays.has(date) && !isWeekend(date) };
  }

  /** The N-th working day after a date: the last day of "within N working days" (the start day not counted). */
  addWorkingDays(from: IsoDate, count: number): WorkingDayResult<{ date: IsoDate }> {
    let date = from;
    for (let counted = 0; counted < count; ) {
      date = nextDay(date);
      const day = this.isWorkingDay(date);
      if (isUnknownYear(day)) return day;
      if (day.working) counted++;
    }
    return { date };
  }

  /** How many working days fall after `from` up to and including `to`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): WorkingDayResult<{ count: number }> {
    let count = 0;
    for (let date = from; date < to; ) {
      date = nextDay(date);
      const day = this.isWorkingDay(date);
      if (isUnknownYear(day)) return day;
      if (day.working) count++;
    }
    return { count };
  }
}
