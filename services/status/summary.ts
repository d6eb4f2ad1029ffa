import type { Office } from '../../config/office';
import { isoDay, localDay } from '../../lib/dates';
import type { Queryable } from '../db';
import { getCurrentRingState, type RingState } from './current';
import { durationDays } from './rules';
import { decidedChanges } from './store';
import { upcomingChanges, type UpcomingChange } from './upcoming';

export interface StatusSummary {
  current: RingState;
  /** Decided changes that start after today. */
  upcoming: UpcomingChange[];
  changes: Array<{ id: number; title: string; startDate: string; endDate?: string; decidedBy: string[]; durationDays: number }>;
}

/**
 * For the dashboard tab: the state in force and every decided change with its (expected or actual)
 * length in days. A change that ended early counts until its end; an open one until `now`.
 */
export async function statusSummary(db: Queryable, office: Office, now: Date): Promise<StatusSummary> {
  const today = isoDay(localDay(now));
  const changes = await decidedChanges(db);
  return {
    current: await getCurrentRingState(db, office, now),
    upcoming: await upcomingChanges(db, office, now),
    changes: changes.map((c) => {
      const until = c.endedAt ? isoDay(localDay(new Date(c.endedAt))) : c.endDate ?? today;
      return {
        id: c.id,
        title: c.title,
        startDate: c.startDate,
        endDate: c.endDate ?? undefined,
        decidedBy: c.decidedBy.map((d) => d.name),
        durationDays: durationDays(c.startDate, until < c.startDate ? c.startDate : until),
      };
    }),
  };
}
