import type { Queryable } from '../db';

/**
 * One replica wins each scheduled fire: the first to insert the `<name>:<fire ISO>` row. A row
 * whose lease expired without finishing (its replica died) can be taken over; the owner itself may
 * claim its own unfinished run again at once (a retry after the run failed, e.g. database away).
 */
export async function claimRun(q: Queryable, key: string, owner: string, ttlMs: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO cron_runs (key, owner, expires_at) VALUES ($1, $2, now() + ($3 || ' milliseconds')::interval)
     ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, started_at = now(), expires_at = EXCLUDED.expires_at
       WHERE cron_runs.finished_at IS NULL AND (cron_runs.expires_at < now() OR cron_runs.owner = EXCLUDED.owner)
     RETURNING key`,
    [key, owner, String(ttlMs)],
  );
  return rows.length > 0;
}

export async function finishRun(q: Queryable, key: string, owner: string): Promise<void> {
  await q.query(`UPDATE cron_runs SET finished_at = now() WHERE key = $1 AND owner = $2`, [key, owner]);
}

/** The latest run of job `name` before `before` (any replica), or undefined if it never ran. */
export async function lastRunOf(q: Queryable, name: string, before: Date): Promise<{ key: string; finished: boolean } | undefined> {
  const rows = await q.query<{ key: string; finished_at: Date | null }>(
    `SELECT key, finished_at FROM cron_runs WHERE key LIKE $1 AND key < $2 ORDER BY key DESC LIMIT 1`,
    [`${name.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`, `${name}:${before.toISOString()}`],
  );
  return rows[0] ? { key: rows[0].key, finished: rows[0].finished_at !== null } : undefined;
}
