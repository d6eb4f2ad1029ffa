import { DateTime } from 'luxon';
import { timeZone } from './time-zone';
import type { Office } from '../config/office';

/**
 * Calendar arithmetic in the office's time zone. Dates are ISO `YYYY-MM-DD` strings or luxon
 * DateTimes at the start of the local day.
 */
export const DEFAULT_ZONE = 'Europe/Amsterdam';

export function localDay(at: Date, zone = DEFAULT_ZONE): DateTime {
  return DateTime.fromJSDate(at, { zone: timeZone(zone) }).startOf('day');
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

/**
 * Loops that step day by day do so on a UTC copy with the same local date: the calendar is the
 * same, and luxon asks Intl for the zone's offset on every step of a zoned DateTime (~20 µs each,
 * 30 steps for six school weeks). The result goes back to the original zone at the same local time.
 */
const onCalendar = (day: DateTime) => day.setZone('utc', { keepLocalTime: true });
const offCalendar = (result: DateTime, original: DateTime) => result.setZone(original.zone, { keepLocalTime: true });

/** `n` working days after `day` (n may be negative); weekends and public holidays are skipped. */
export function addWorkingDays(day: DateTime, n: number, office: Pick<Office, 'publicHolidays'>): DateTime {
  let current = onCalendar(day);
  let left = Math.abs(n);
  const step = n >= 0 ? 1 : -1;
  while (left > 0) {
    current = current.plus({ days: step });
    if (isWorkingDay(current, office)) left -= 1;
  }
  return offCalendar(current, day);
}

/** Adds months clamping to the month's end (31 May − 3 months = 28/29 February), as luxon does. */
export function addMonths(day: DateTime, months: number): DateTime {
  return day.plus({ months });
}

/** Adds whole weeks (7 local days; DST changes do not shift the local date). */
export function addWeeks(day: DateTime, weeks: number): DateTime {
  return day.plus({ weeks });
}

/** A school day: a weekday that is neither a public holiday nor inside a school holiday. */
export function isSchoolDay(day: DateTime, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>): boolean {
  return !isWeekend(day) && !isPublicHoliday(day, office) && !isSchoolHoliday(day, office);
}

/**
 * `weeks` school weeks after `day`: counts 5 school days per week from `day` (inclusive), skipping
 * weekends, public holidays and school holidays, and returns the first weekday after the last
 * counted school day. Without holidays this equals `day + weeks` (a Monday start gives a Monday).
 * Negative values count backwards symmetrically (the first weekday before the counted span).
 */
export function addSchoolWeeks(day: DateTime, weeks: number, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>): DateTime {
  if (weeks === 0) return day;
  const step = weeks > 0 ? 1 : -1;
  let left = Math.abs(weeks) * 5;
  let current = onCalendar(day);
  // The start day itself counts when it is a school day.
  if (isSchoolDay(current, office)) left -= 1;
  while (left > 0) {
    current = current.plus({ days: step });
    if (isSchoolDay(current, office)) left -= 1;
  }
  do current = current.plus({ days: step });
  while (isWeekend(current));
  return offCalendar(current, day);
}

/** The school year (1 August – 31 July) that contains `day`, e.g. "2026-2027". */
export function schoolYearOf(day: DateTime): { label: string; start: string; end: string } {
  const first = day.month >= 8 ? day.year : day.year - 1;
  return { label: `${first}-${first + 1}`, start: `${first}-08-01`, end: `${first + 1}-07-31` };
}

const MEMO_MAX = 5_000;
const parsedDays = new Map<string, DateTime>();
const dutchDates = new Map<string, string>();

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

/** Parses `YYYY-MM-DD` as the start of that local day; throws on an impossible date (2027-02-30). */
export function parseIsoDay(iso: string, zone = DEFAULT_ZONE): DateTime {
  // Time-zone maths in luxon is slow (Intl per call) and cards format dozens of dates per turn;
  // DateTimes are immutable, so parsed days are memoised (bounded).
  const key = `${zone}|${iso}`;
  const known = parsedDays.get(key);
  if (known) return known;
  const day = DateTime.fromISO(iso, { zone: timeZone(zone) });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !day.isValid) throw new RangeError(`not a date: ${iso}`);
  return remember(parsedDays, key, day.startOf('day'));
}

export const isoDay = (day: DateTime): string => day.toISODate()!;

/** Monday of the ISO week that contains `day`. */
export function startOfWeek(day: DateTime): DateTime {
  return day.startOf('week');
}

/** The nearest working day strictly before `day`. */
export function previousWorkingDay(day: DateTime, office: Pick<Office, 'publicHolidays'>): DateTime {
  return addWorkingDays(day, -1, office);
}

export type OffsetUnit = 'days' | 'workingDays' | 'weeks' | 'schoolWeeks' | 'months';

/** Moves `day` by an offset expressed in one of the rule units; `amount` may be negative. */
export function shiftBy(day: DateTime, amount: number, unit: OffsetUnit, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>): DateTime {
  switch (unit) {
    case 'days':
      return day.plus({ days: amount });
    case 'workingDays':
      return addWorkingDays(day, amount, office);
    case 'weeks':
      return addWeeks(day, amount);
    case 'schoolWeeks':
      return addSchoolWeeks(day, amount, office);
    case 'months':
      return addMonths(day, amount);
  }
}

/** Short Dutch date for cards, e.g. "di 24 nov 2026". */
export function dutchDate(iso: string, zone = DEFAULT_ZONE): string {
  const key = `${zone}|${iso}`;
  return dutchDates.get(key) ?? remember(dutchDates, key, parseIsoDay(iso, zone).setLocale('nl').toFormat('ccc d LLL yyyy'));
}

/** Long Dutch date for pages and exports, e.g. "24 november 2026" (as the Overzicht tab shows days). */
export const dutchLongDate = (iso: string): string => DateTime.fromISO(iso).setLocale('nl').toFormat('d LLLL yyyy');
