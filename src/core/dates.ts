/** Dates are ISO strings (YYYY-MM-DD) throughout: they compare as text and never meet a time zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number written by `length` digits from `start` (NaN where one is not a digit, as Number('2x') is). */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(text.slice(start, start + length));
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar: the calendar's hot loop steps through integers, not
 * Date objects. Computed from the year, month and day themselves (H. Hinnant's days_from_civil), not by Date.UTC,
 * which reads the years 0 to 99 as 1900 to 1999: 0024-06-03 is the year 24, not 1924.
 */
export function dayNumber(date: IsoDate): number {
  // Read digit by digit: the deadlines of a large submission call this hundreds of thousands of times.
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number: the inverse of `dayNumber`, four-digit years kept as written (0024-06-03). */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** A date written YYYY-MM-DD that exists: 2024-02-29 does, 2025-02-30 and 2025-13-01 do not. */
export function isExistingDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts) return false;
  const [month, day] = [Number(parts[2]), Number(parts[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && fromDayNumber(dayNumber(text)) === text;
}

/** 1970-01-01 was a Thursday; days before it are negative, and their weekday is counted the same way. */
export function isWeekendDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export function isWeekend(date: IsoDate): boolean {
  return isWeekendDay(dayNumber(date));
}

/** Calendar days from one date to another, the first day not counted (《民法典》第二百零一条). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
