import { DateTime, IANAZone } from 'luxon';
import { dutchDate, localDay, parseIsoDay } from '../../lib/dates';
import { timeZone } from '../../lib/time-zone';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 11, 31, 23, 59);

/** Instants where `zone`'s offset changes in [from, to), to the millisecond (bisection on IANAZone). */
function transitions(zone: IANAZone, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t < to; t += DAY) {
    if (zone.offset(t) === zone.offset(t + DAY)) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === zone.offset(t)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/** Every result of `make` must be identical with the plain string zone and with timeZone(name). */
function sameWithBoth(name: string, make: (zone: string | ReturnType<typeof timeZone>) => unknown) {
  expect(make(timeZone(name))).toEqual(make(name));
}

const describeDateTime = (dt: DateTime) => ({
  iso: dt.toISO(),
  ms: dt.toMillis(),
  zoneName: dt.zoneName,
  offset: dt.offset,
  valid: dt.isValid,
  dst: dt.isInDST,
  nl: dt.setLocale('nl').toFormat('cccc d LLLL yyyy HH:mm:ss.SSS ZZ ZZZ ZZZZ z'),
  nameShort: dt.offsetNameShort,
  nameLong: dt.offsetNameLong,
});

describe('timeZone (memoised IANA zone offsets)', () => {
  it('gives exactly IANAZone offsets every hour of 2026–2028 in Europe/Amsterdam', () => {
    const plain = IANAZone.create('Europe/Amsterdam');
    const memo = timeZone('Europe/Amsterdam');
    const wrong: number[] = [];
    for (let t = FROM; t <= TO; t += 60 * MINUTE) {
      // First call fills the memo, the later ones (same minute, other milliseconds) hit it.
      if (memo.offset(t) !== plain.offset(t)) wrong.push(t);
      if (memo.offset(t + 59_999) !== plain.offset(t + 59_999)) wrong.push(t + 59_999);
      if (memo.offset(t + 31_234) !== plain.offset(t + 31_234)) wrong.push(t + 31_234);
    }
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
  });

  it.each([
    ['Europe/Amsterdam', 6],
    ['America/St_Johns', 6],
    ['Asia/Kathmandu', 0],
  ])('matches IANAZone around every offset transition of %s (±1 ms), and every 2 hours', (name, count) => {
    const plain = IANAZone.create(name);
    const memo = timeZone(name);
    const changes = transitions(plain, FROM, TO);
    expect(changes).toHaveLength(count);
    if (name === 'Europe/Amsterdam') {
      // Last Sundays of March and October, 01:00 UTC.
      expect(changes.map((t) => new Date(t).toISOString())).toEqual([
        '2026-03-29T01:00:00.000Z',
        '2026-10-25T01:00:00.000Z',
        '2027-03-28T01:00:00.000Z',
        '2027-10-31T01:00:00.000Z',
        '2028-03-26T01:00:00.000Z',
        '2028-10-29T01:00:00.000Z',
      ]);
    }
    for (const t of changes) {
      expect(t % MINUTE).toBe(0);
      // Fill the memo from the far end of each minute first, then ask the edges.
      for (const at of [t + 59_999, t - MINUTE, t - 1, t, t + 1, t + 30_000]) expect([at, memo.offset(at)]).toEqual([at, plain.offset(at)]);
    }
    for (let t = FROM + 7 * MINUTE + 123; t <= TO; t += 120 * MINUTE) expect(memo.offset(t)).toBe(plain.offset(t));
  });

  it('behaves as the plain IANA zone of the same name', () => {
    const memo = timeZone('Europe/Amsterdam');
    const plain = IANAZone.create('Europe/Amsterdam');
    expect(timeZone('Europe/Amsterdam')).toBe(memo);
    expect([memo.type, memo.name, memo.isUniversal, memo.isValid]).toEqual([plain.type, plain.name, plain.isUniversal, plain.isValid]);
    expect(memo.equals(plain)).toBe(true);
    expect(plain.equals(memo)).toBe(true);
    expect(memo.equals(IANAZone.create('Asia/Kathmandu'))).toBe(false);
    const ts = Date.UTC(2026, 6, 1, 12);
    for (const format of ['narrow', 'short', 'techie'] as const) expect(memo.formatOffset(ts, format)).toBe(plain.formatOffset(ts, format));
    expect(memo.offsetName(ts, { format: 'long', locale: 'nl' })).toBe(plain.offsetName(ts, { format: 'long', locale: 'nl' }));

    const at = new Date('2026-10-25T00:30:00Z');
    const a = DateTime.fromJSDate(at, { zone: memo });
    const b = DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' });
    expect(a.zoneName).toBe('Europe/Amsterdam');
    expect(a.equals(b) && b.equals(a)).toBe(true);
    expect(a.hasSame(b, 'day') && b.hasSame(a, 'hour')).toBe(true);
    expect(a.setZone('Europe/Amsterdam')).toBe(a);

    // Non-IANA specifiers are luxon's own zones; invalid names stay invalid.
    expect(timeZone('utc').equals(DateTime.utc().zone)).toBe(true);
    expect(timeZone('UTC+1').offset(ts)).toBe(60);
    expect(timeZone('Mars/Olympus').isValid).toBe(false);
    expect(DateTime.fromISO('2026-01-01', { zone: timeZone('Mars/Olympus') }).invalidReason).toBe('unsupported zone');
  });

  const days = ['2026-01-01', '2026-03-08', '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-25', '2026-11-01', '2027-02-28', '2027-03-28', '2027-10-31', '2028-02-29', '2028-10-29', '2028-12-31'];
  const times = ['T00:00', 'T00:59:59.999', 'T01:30', 'T02:00', 'T02:30', 'T03:00', 'T12:00', 'T23:59:59.999'];

  it.each(['Europe/Amsterdam', 'America/St_Johns', 'Asia/Kathmandu'])('gives the same DateTimes as the string zone in %s', (name) => {
    for (const day of days) {
      for (const time of ['', ...times]) {
        sameWithBoth(name, (zone) => {
          const dt = DateTime.fromISO(day + time, { zone });
          return [dt, dt.plus({ days: 1 }), dt.minus({ days: 1 }), dt.plus({ hours: 24 }), dt.startOf('day'), dt.endOf('day'), dt.startOf('week'), dt.plus({ months: 6 })].map(describeDateTime);
        });
      }
    }
    // Instants every ~40 minutes from the evening before each day to the morning after it.
    for (const day of days) {
      const start = Date.parse(`${day}T00:00:00Z`) - DAY / 4;
      for (let t = start; t < start + 1.5 * DAY; t += 160 * MINUTE + 7) {
        sameWithBoth(name, (zone) => {
          const dt = DateTime.fromJSDate(new Date(t), { zone });
          return [dt, dt.startOf('day'), dt.plus({ days: 1 })].map(describeDateTime);
        });
      }
    }
  });

  it('leaves services/dates results unchanged', () => {
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
