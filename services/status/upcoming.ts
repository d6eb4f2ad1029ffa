import type { Office } from '../../config/office';
import { diffStatuses, type TaskDiff } from '../../config/rings';
import { DEFAULT_ZONE, isoDay, localDay } from '../../lib/dates';
import type { Queryable } from '../db';
import { publishedChanges } from './store';
import { announcedTo } from './store/audience';

/** A decided statusaanpassing that starts after today: what will change, per task, and from when. */
export interface UpcomingChange {
  id: number;
  title: string;
  startDate: string;
  endDate?: string;
  changes: TaskDiff[];
}

/**
 * Decided (published) changes whose start date is after the local day of `at`, soonest first.
 * `status`, the Overzicht tab and `taken` show them, so an announced change is visible before it
 * starts; getCurrentRingState only answers what is in force.
 */
export async function upcomingChanges(q: Queryable, office: Office, at: Date, zone = DEFAULT_ZONE): Promise<UpcomingChange[]> {
  const today = isoDay(localDay(at, zone));
  return (await publishedChanges(q))
    .filter((c) => c.startDate > today)
    .sort((a, b) => (a.startDate === b.startDate ? a.id - b.id : a.startDate < b.startDate ? -1 : 1))
    .map((c) => ({
      id: c.id,
      title: c.title,
      startDate: c.startDate,
      endDate: c.endDate ?? undefined,
      changes: diffStatuses(office.rings, c.previousTasks, c.tasks),
    }));
}

/**
 * The upcoming changes that concern one person: those announced to an audience they were in when it
 * was published (the rule of the announcements' read counts), with the newest such announcement.
 */
export async function upcomingChangesFor(
  q: Queryable, office: Office, at: Date, aad: string, zone = DEFAULT_ZONE,
): Promise<Array<UpcomingChange & { announcementId: number }>> {
  const upcoming = await upcomingChanges(q, office, at, zone);
  const announced = await announcedTo(q, aad, upcoming.map((u) => u.id));
  return upcoming.flatMap((u) => {
    const announcementId = announced.get(u.id);
    return announcementId === undefined ? [] : [{ ...u, announcementId }];
  });
}
