import { addDays, differenceInCalendarDays, formatISO, getDay, parseISO } from 'date-fns';

/** Dates are ISO strings (YYYY-MM-DD) throughout: they compare as text and never meet a time zone. */
export type IsoDate = string;

export function nextDay(date: IsoDate): IsoDate {
  return formatISO(addDays(parseISO(date), 1), { representation: 'date' });
}

export function isWeekend(date: IsoDate): boolean {
  const day = getDay(parseISO(date));
  return day === 0 || day === 6;
}

/** Calendar days from one date to another, the first day not counted (《民法典》第二百零一条). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
