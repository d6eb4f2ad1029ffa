import { IANAZone, Info, type Zone } from 'luxon';

/**
 * Shared luxon zones whose UTC offsets are memoised.
 *
 * luxon's IANAZone asks Intl (`formatToParts`, ~20 µs) for the offset every time a DateTime is
 * created, shifted or started of day in that zone, and keeps no memo of its own. Card turns create
 * hundreds of such DateTimes for the same few instants (today, local midnights of the same days,
 * the same stored timestamps), so `timeZone(name)` returns one shared zone per IANA name that
 * remembers `offset(ts)` per UTC minute. Pass it wherever luxon takes `{ zone }`.
 *
 * It is an IANAZone subclass that only overrides `offset`, so everything else is IANAZone's own:
 * `type` is 'iana', `name` (and so `dt.zoneName`, `toISO()`, `toFormat()` — luxon's formatter
 * formats 'iana' zones through Intl by name), `isUniversal`, `offsetName`, `isValid`, and `equals`
 * (luxon compares IANA zones by `type` and `name`, so this zone and the plain IANAZone of the same
 * name are equal both ways: `DateTime#equals`, `hasSame` and `setZone` treat them as the same zone).
 * `formatOffset` calls `this.offset`, so it is memoised too.
 *
 * Why a memo keyed by minute gives exactly IANAZone's answer: IANAZone's offset depends only on
 * the whole second of `ts` (it formats `new Date(ts)` to seconds and truncates `ts` to seconds), and
 * changes only at a tzdb transition. A minute key is safe as long as no transition falls strictly
 * inside a minute, i.e. every transition is at a whole UTC minute. That holds for every zone Intl
 * knows from 1973 on: a scan of all 418 zones of Intl.supportedValuesOf('timeZone') in the system
 * tzdb (2025b TZif files, explicit transitions up to 2037) found exactly one transition since 1970
 * off a whole minute — Africa/Monrovia, 1972-01-07T00:44:30Z (−0:44:30 → UTC) — and none of the
 * POSIX rules for later years has a seconds field. Offsets before 1970 include local mean time with
 * seconds (Europe/Amsterdam +0:19:32 until 1937), so instants before MEMO_FROM (1973-01-01Z) and
 * non-finite ones are not memoised but asked of IANAZone directly.
 */
const MEMO_FROM = Date.UTC(1973, 0, 1);
const MEMO_MAX = 50_000;
const MINUTE_MS = 60_000;

class MemoizedIANAZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    if (!(ts >= MEMO_FROM) || !Number.isFinite(ts)) return super.offset(ts);
    const minute = Math.floor(ts / MINUTE_MS);
    const known = this.offsets.get(minute);
    if (known !== undefined) return known;
    const offset = super.offset(ts);
    if (this.offsets.size >= MEMO_MAX) this.offsets.clear();
    this.offsets.set(minute, offset);
    return offset;
  }
}

const zones = new Map<string, Zone>();

/**
 * The zone luxon would use for `name` (as in `{ zone: name }`), with memoised offsets when it is a
 * valid IANA zone. Other specifiers ('utc', 'UTC+1', 'system', 'default', invalid names) get luxon's
 * own zone for them, unchanged.
 */
export function timeZone(name: string): Zone {
  const known = zones.get(name);
  if (known) return known;
  const plain = Info.normalizeZone(name);
  if (plain.type !== 'iana' || !plain.isValid) return plain;
  const zone = new MemoizedIANAZone(name);
  zones.set(name, zone);
  return zone;
}
