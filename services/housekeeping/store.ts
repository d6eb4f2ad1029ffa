import type { Queryable } from '../db';

export interface HousekeepingResult {
  activities: number;
  cronRuns: number;
  deliveries: number;
}

/**
 * Removes bookkeeping that has served its purpose: ids of handled activities (Teams retries come
 * within minutes) and finished cron elections. Delivered posts keep their row (a later in-place
 * update needs its Teams activity id) but lose their card after 90 days: it holds case references
 * (data minimisation). Failed and dead deliveries are kept whole for operators.
 */
export async function purgeBookkeeping(q: Queryable, now: Date): Promise<HousekeepingResult> {
  const at = now.toISOString();
  const activities = await q.query(`DELETE FROM processed_activities WHERE received_at < $1::timestamptz - interval '2 days' RETURNING 1`, [at]);
  const cronRuns = await q.query(`DELETE FROM cron_runs WHERE finished_at IS NOT NULL AND finished_at < $1::timestamptz - interval '30 days' RETURNING 1`, [at]);
  const deliveries = await q.query(
    `UPDATE deliveries SET payload = '{}'::jsonb
     WHERE status = 'sent' AND sent_at < $1::timestamptz - interval '90 days' AND payload <> '{}'::jsonb RETURNING 1`,
    [at],
  );
  return { activities: activities.length, cronRuns: cronRuns.length, deliveries: deliveries.length };
}
