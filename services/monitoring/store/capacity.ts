import type { Queryable } from '../../db';

/** Stages of open items whose deadline passed before `today` and that are not done, per regioteam. */
export async function overdueStagesPerTeam(q: Queryable, today: string): Promise<Map<string, number>> {
  const rows = await q.query<{ regioteam: string; n: number }>(
    `SELECT i.regioteam, count(*)::int AS n FROM monitoring_stages s JOIN monitoring_items i ON i.id = s.item_id
     WHERE i.status = 'open' AND s.status IN ('pending', 'announced') AND s.due_on < $1::date
     GROUP BY i.regioteam`,
    [today],
  );
  return new Map(rows.map((r) => [r.regioteam, Number(r.n)]));
}
