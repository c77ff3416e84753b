import { differenceInCalendarDays, parseISO } from 'date-fns';

/** Dates are ISO strings (YYYY-MM-DD) throughout: they compare as text and never meet a time zone. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC): the calendar's hot loop steps through integers, not Date objects. */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday. */
export function isWeekendDay(day: number): boolean {
  const weekday = (day + 4) % 7;
  return weekday === 0 || weekday === 6;
}

export function isWeekend(date: IsoDate): boolean {
  return isWeekendDay(dayNumber(date));
}

/** Calendar days from one date to another, the first day not counted (《民法典》第二百零一条). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
