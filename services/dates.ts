import { DateTime } from 'luxon';
import type { Office } from '../config/office';

/**
 * Calendar arithmetic in the office's time zone. Dates are ISO `YYYY-MM-DD` strings or luxon
 * DateTimes at the start of the local day.
 */
export const DEFAULT_ZONE = 'Europe/Amsterdam';

export function localDay(at: Date, zone = DEFAULT_ZONE): DateTime {
  return DateTime.fromJSDate(at, { zone }).startOf('day');
}

export function isWeekend(day: DateTime): boolean {
  return day.weekday >= 6;
}

export function isPublicHoliday(day: DateTime, office: Pick<Office, 'publicHolidays'>): boolean {
  return office.publicHolidays.includes(day.toISODate()!);
}

export function isWorkingDay(day: DateTime, office: Pick<Office, 'publicHolidays'>): boolean {
  return !isWeekend(day) && !isPublicHoliday(day, office);
}

export function isSchoolHoliday(day: DateTime, office: Pick<Office, 'schoolHolidays'>): boolean {
  const iso = day.toISODate()!;
  return office.schoolHolidays.some((h) => iso >= h.from && iso <= h.to);
}

/** `n` working days after `day` (n may be negative); weekends and public holidays are skipped. */
export function addWorkingDays(day: DateTime, n: number, office: Pick<Office, 'publicHolidays'>): DateTime {
  let current = day;
  let left = Math.abs(n);
  const step = n >= 0 ? 1 : -1;
  while (left > 0) {
    current = current.plus({ days: step });
    if (isWorkingDay(current, office)) left -= 1;
  }
  return current;
}

/** Adds months clamping to the month's end (31 May − 3 months = 28/29 February), as luxon does. */
export function addMonths(day: DateTime, months: number): DateTime {
  return day.plus({ months });
}
