import type { Office } from '../../config/office';
import { DEFAULT_ZONE, addWeeks, isoDay, localDay, startOfWeek } from '../../lib/dates';
import type { Queryable } from '../db';

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
  const end = isoDay(addWeeks(first, 8));
  const counts = await db.query<{ week_start: string; count: number }>(
    `SELECT date_trunc('week', s.due_on)::date::text AS week_start, count(*)::int AS count
     FROM monitoring_stages s JOIN monitoring_items i ON i.id = s.item_id
     WHERE s.status = 'pending' AND i.status = 'open' AND s.due_on >= $1::date AND s.due_on < $2::date
     GROUP BY 1`,
    [weeks[0], end],
  );
  const byWeek = new Map(counts.map((c) => [c.week_start, Number(c.count)]));
  const [overdue] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT i.id)::int AS n FROM monitoring_items i JOIN monitoring_stages s ON s.item_id = i.id
     WHERE i.status = 'open' AND s.status IN ('pending', 'announced') AND s.due_on < $1::date`,
    [isoDay(today)],
  );
  const [announced] = await db.query<{ on_time: number; late: number }>(
    `SELECT count(*) FILTER (WHERE NOT late)::int AS on_time, count(*) FILTER (WHERE late)::int AS late FROM monitoring_announcements`,
  );
  return {
    perWeek: weeks.map((weekStart) => ({ weekStart, count: byWeek.get(weekStart) ?? 0 })),
    overdue: Number(overdue?.n ?? 0),
    onTime: Number(announced?.on_time ?? 0),
    late: Number(announced?.late ?? 0),
  };
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
  const rows = await q.query<{ owner: string | null; this_week: number; overdue: number }>(
    `SELECT p.name AS owner,
            count(*) FILTER (WHERE s.due_on >= $2::date AND s.due_on < $2::date + 7)::int AS this_week,
            count(*) FILTER (WHERE s.due_on < $2::date)::int AS overdue
     FROM monitoring_stages s
     JOIN monitoring_items i ON i.id = s.item_id AND i.status = 'open' AND i.regioteam = $1
     LEFT JOIN people p ON p.aad_object_id = i.owner_aad
     WHERE s.status IN ('pending', 'announced') AND s.due_on < $2::date + 7
     GROUP BY p.name ORDER BY p.name`,
    [regioteam, weekStartIso],
  );
  return rows.map((r) => ({ owner: r.owner ?? 'onbekend', thisWeek: Number(r.this_week), overdue: Number(r.overdue) }));
}
