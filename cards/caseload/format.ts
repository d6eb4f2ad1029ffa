import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';

/** Dutch date/time formatting for caseload cards (office time zone). */
export const formatDateTime = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone(zone) }).setLocale('nl').toFormat('ccc d LLL HH:mm');

export const formatIsoDate = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone: timeZone(zone) }).setLocale('nl').toFormat('d LLL yyyy');

export const casussen = (n: number) => `${n} ${n === 1 ? 'casus' : 'casussen'}`;
