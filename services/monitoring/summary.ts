import type { Office } from '../../config/office';
import { DEFAULT_ZONE, addWeeks, isoDay, localDay, startOfWeek } from '../../lib/dates';
import type { Queryable } from '../db';
import { announcementCounts, deadlinesPerWeek, overdueItemCount, teamDeadlineRows } from './store/figures';

export interface MonitoringSummary {
  /** Deadlines (pending stages of open items) per ISO week, the current week and the 7 after it. */
  perWeek: Array<{ weekStart: string; count: number }>;
  /** Open items whose current deadline has passed (announced or not). */
  overdue: number;
  /** Announcements made on the working day the stage fell due. */
  onTime: number;
  /** Announcements made later than that (catch-up after the bot was down). */
  late: number;
}

/** Figures for the dashboard; dates in the office time zone (Europe/Amsterdam by default). */
export async function monitoringSummary(db: Queryable, _office: Office, now: Date, zone = DEFAULT_ZONE): Promise<MonitoringSummary> {
  const today = localDay(now, zone);
  const first = startOfWeek(today);
  const weeks = Array.from({ length: 8 }, (_, i) => isoDay(addWeeks(first, i)));
  const byWeek = await deadlinesPerWeek(db, weeks[0]!, isoDay(addWeeks(first, 8)));
  const overdue = await overdueItemCount(db, isoDay(today));
  const announced = await announcementCounts(db);
  return { perWeek: weeks.map((weekStart) => ({ weekStart, count: byWeek.get(weekStart) ?? 0 })), overdue, ...announced };
}

export interface TeamDeadlines {
  owner: string;
  thisWeek: number;
  overdue: number;
}

/**
 * Per consulent of a regioteam: monitoring deadlines falling in the week that starts on
 * `weekStartIso`, and those already past. Counts only: the weekstart card is read by the team.
 */
export async function teamDeadlinesForWeek(q: Queryable, regioteam: string, weekStartIso: string): Promise<TeamDeadlines[]> {
  const rows = await teamDeadlineRows(q, regioteam, weekStartIso);
  return rows.map((r) => ({ owner: r.owner ?? 'onbekend', thisWeek: Number(r.this_week), overdue: Number(r.overdue) }));
}
