import type { Queryable } from '../../db';

/** SQL of the daily run: which stages are due, and each stage's announcement, once. */

export interface DueStage {
  item_id: number;
  stage: string;
  round: number;
  due_on: string;
}

/**
 * The daily selection: every pending stage due on or before `today`. One range scan on the partial
 * index monitoring_stages_due (the benchmark and an EXPLAIN test check it). Stages of closed items
 * are cancelled when the item closes, so no join is needed here; the item is read per stage when
 * it is announced.
 */
export const DUE_STAGES_SQL = `SELECT s.item_id, s.stage, s.round, s.due_on::text AS due_on
  FROM monitoring_stages s
  WHERE s.status = 'pending' AND s.due_on <= $1::date
  ORDER BY s.due_on, s.item_id, s.seq`;

export async function selectDueStages(q: Queryable, today: string): Promise<DueStage[]> {
  const rows = await q.query<DueStage>(DUE_STAGES_SQL, [today]);
  return rows.map((r) => ({ ...r, item_id: Number(r.item_id) }));
}

export interface Announcement {
  stage: DueStage;
  runDate: string;
  late: boolean;
  deliveryKey: string;
}

/**
 * Claims a stage's announcement and marks the stage announced. False when it was already claimed:
 * the primary key is the exactly-once guard across replicas.
 */
export async function claimAnnouncement(q: Queryable, a: Announcement): Promise<boolean> {
  const { stage } = a;
  const claimed = await q.query(
    `INSERT INTO monitoring_announcements (item_id, stage, round, due_on, run_date, late, delivery_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING item_id`,
    [stage.item_id, stage.stage, stage.round, stage.due_on, a.runDate, a.late, a.deliveryKey],
  );
  if (claimed.length === 0) return false;
  await q.query(
    `UPDATE monitoring_stages SET status = 'announced', announced_on = $3, late = $4 WHERE item_id = $1 AND stage = $2 AND status = 'pending'`,
    [stage.item_id, stage.stage, a.runDate, a.late],
  );
  return true;
}
