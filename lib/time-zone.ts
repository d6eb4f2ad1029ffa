import { Info, type Zone } from 'luxon';

/**
 * The luxon zone for `name`, as `{ zone: name }` would give it (luxon keeps one IANAZone per name).
 * Offsets are not memoised here: with parsed days, Dutch dates and monitoring due dates memoised
 * where they are computed (services/dates.ts, services/monitoring/schedule.ts), a memo of zone
 * offsets per UTC minute showed no gain in the activities bench.
 */
export function timeZone(name: string): Zone {
  return Info.normalizeZone(name);
}
