import { DateTime } from 'luxon';
import type { Office } from '../../config/office';
import { timeZone } from '../../lib/time-zone';
import type { Period } from './types';

/**
 * The evaluation period: the half-year that ends at the next evaluation date (RAO Onderwijs), or
 * the calendar half-year when no evaluation date is ahead.
 */
export function evaluationPeriod(office: Pick<Office, 'evaluationDates'>, now: Date, zone: string): Period {
  const today = DateTime.fromJSDate(now, { zone: timeZone(zone) }).startOf('day');
  const next = office.evaluationDates
    .map((iso) => DateTime.fromISO(iso, { zone: timeZone(zone) }))
    .filter((d) => d > today)
    .sort((a, b) => a.toMillis() - b.toMillis())[0];
  const to = next ?? (today.month <= 6 ? today.set({ month: 7, day: 1 }) : today.plus({ years: 1 }).set({ month: 1, day: 1 }));
  const from = to.minus({ months: 6 });
  const label = next ? `halfjaar tot de evaluatie van ${to.setLocale('nl').toFormat('d MMMM yyyy')}` : `${from.setLocale('nl').toFormat('d MMMM yyyy')} – ${to.minus({ days: 1 }).setLocale('nl').toFormat('d MMMM yyyy')}`;
  return { from: from.toISODate()!, to: to.toISODate()!, label };
}

/** The period's bounds as instants: local midnights in the office's zone. */
export function periodRange(period: Period, zone: string): { from: Date; to: Date } {
  return { from: DateTime.fromISO(period.from, { zone: timeZone(zone) }).toJSDate(), to: DateTime.fromISO(period.to, { zone: timeZone(zone) }).toJSDate() };
}
