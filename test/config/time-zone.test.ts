import { DateTime } from 'luxon';
import { dutchDate, localDay, parseIsoDay } from '../../lib/dates';

describe('services/dates in the office time zone', () => {
  const days = ['2026-01-01', '2026-03-08', '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-11-01', '2027-02-28', '2027-03-28', '2027-10-31', '2028-02-29', '2028-10-29', '2028-12-31'];

  it("gives luxon's own parsed days, local days and Dutch dates (memoised in services/dates), across DST changes", () => {
    const zone = 'Europe/Amsterdam';
    for (const day of days) {
      expect(parseIsoDay(day, zone).toISO()).toBe(DateTime.fromISO(day, { zone }).startOf('day').toISO());
      expect(parseIsoDay(day, zone).zoneName).toBe(zone);
      expect(localDay(new Date(`${day}T22:30:00Z`), zone).toISO()).toBe(DateTime.fromJSDate(new Date(`${day}T22:30:00Z`), { zone }).startOf('day').toISO());
      expect(dutchDate(day, zone)).toBe(DateTime.fromISO(day, { zone }).setLocale('nl').toFormat('ccc d LLL yyyy'));
    }
    expect(dutchDate('2026-11-24')).toBe('di 24 nov 2026');
    expect(localDay(new Date('2026-03-28T23:30:00Z')).toISO()).toBe('2026-03-29T00:00:00.000+01:00');
    expect(localDay(new Date('2026-03-29T23:30:00Z')).toISO()).toBe('2026-03-30T00:00:00.000+02:00');
  });
});
