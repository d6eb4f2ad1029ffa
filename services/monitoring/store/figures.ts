import type { Queryable } from '../../db';

/** SQL that reads across items: a regioteam's digest and the dashboard and weekstart figures. */

export interface DigestRow {
  item_id: number;
  case_reference: string;
  kind: string;
  owner_aad: string;
  owner_name: string | null;
  owner_teams_id: string | null;
  stage: string;
  seq: number;
  due_on: string;
  status: string;
  late: boolean;
}

/** Open items' stages of a regioteam due up to `weekEnd` and not yet done, by due date. */
export async function digestRows(q: Queryable, regioteam: string, today: string, weekEnd: string): Promise<DigestRow[]> {
  return q.query<DigestRow>(
    `SELECT i.id AS item_id, i.case_reference, i.kind, i.owner_aad, p.name AS owner_name, p.teams_user_id AS owner_teams_id, s.stage, s.seq, s.due_on::text AS due_on, s.status, s.late
     FROM monitoring_items i JOIN monitoring_stages s ON s.item_id = i.id
     LEFT JOIN people p ON p.aad_object_id = i.owner_aad
     WHERE i.regioteam = $1 AND i.status = 'open'
       AND ((s.status = 'pending' AND s.due_on <= $3::date) OR (s.status = 'announced' AND s.due_on <= $2::date))
     ORDER BY s.due_on, i.case_reference, s.seq`,
    [regioteam, today, weekEnd],
  );
}

/** Whether a digest (by its delivery key) was queued, so it can be replaced in place. */
export async function digestQueued(q: Queryable, deliveryKey: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM deliveries WHERE idempotency_key = $1`, [deliveryKey])).length > 0;
}

/** Pending deadlines of open items per ISO week (Monday, YYYY-MM-DD) in [from, to). */
export async function deadlinesPerWeek(q: Queryable, from: string, to: string): Promise<Map<string, number>> {
  const counts = await q.query<{ week_start: string; count: number }>(
    `SELECT date_trunc('week', s.due_on)::date::text AS week_start, count(*)::int AS count
     FROM monitoring_stages s JOIN monitoring_items i ON i.id = s.item_id
     WHERE s.status = 'pending' AND i.status = 'open' AND s.due_on >= $1::date AND s.due_on < $2::date
     GROUP BY 1`,
    [from, to],
  );
  return new Map(counts.map((c) => [c.week_start, Number(c.count)]));
}

/** Open items whose current deadline passed before `today` (announced or not). */
export async function overdueItemCount(q: Queryable, today: string): Promise<number> {
  const [overdue] = await q.query<{ n: number }>(
    `SELECT count(DISTINCT i.id)::int AS n FROM monitoring_items i JOIN monitoring_stages s ON s.item_id = i.id
     WHERE i.status = 'open' AND s.status IN ('pending', 'announced') AND s.due_on < $1::date`,
    [today],
  );
  return Number(overdue?.n ?? 0);
}

/** Announcements made on the working day the stage fell due, and later ones. */
export async function announcementCounts(q: Queryable): Promise<{ onTime: number; late: number }> {
  const [announced] = await q.query<{ on_time: number; late: number }>(
    `SELECT count(*) FILTER (WHERE NOT late)::int AS on_time, count(*) FILTER (WHERE late)::int AS late FROM monitoring_announcements`,
  );
  return { onTime: Number(announced?.on_time ?? 0), late: Number(announced?.late ?? 0) };
}

/** Per consulent of a regioteam: open deadlines in the week from `weekStart`, and those already past. */
export async function teamDeadlineRows(q: Queryable, regioteam: string, weekStart: string) {
  return q.query<{ owner: string | null; this_week: number; overdue: number }>(
    `SELECT p.name AS owner,
            count(*) FILTER (WHERE s.due_on >= $2::date AND s.due_on < $2::date + 7)::int AS this_week,
            count(*) FILTER (WHERE s.due_on < $2::date)::int AS overdue
     FROM monitoring_stages s
     JOIN monitoring_items i ON i.id = s.item_id AND i.status = 'open' AND i.regioteam = $1
     LEFT JOIN people p ON p.aad_object_id = i.owner_aad
     WHERE s.status IN ('pending', 'announced') AND s.due_on < $2::date + 7
     GROUP BY p.name ORDER BY p.name`,
    [regioteam, weekStart],
  );
}
