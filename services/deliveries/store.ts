import type { Queryable } from '../db';
import type { DeliveryPayload } from './enqueue';

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'dead';

export interface ClaimedDelivery {
  id: number;
  idempotency_key: string;
  kind: 'post' | 'update' | 'personal';
  conversation_id: string | null;
  recipient_aad: string | null;
  target_key: string | null;
  payload: DeliveryPayload;
  attempts: number;
}

const DUE = `not_before <= now() AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))`;

/**
 * Claims due deliveries for one sender. Queue time is the database's clock (shared by all replicas),
 * not the domain clock that tests move. SKIP LOCKED lets several replicas work the same queue
 * without taking the same row; the lease makes a row claimable again if its sender dies.
 *
 * One conversation (or recipient, or updated post) is sent in queue order: a delivery is claimed
 * only while no earlier one of the same target is pending and not due: one waiting for a retry,
 * or in flight at another sender. A delivery queued for later that was never tried does not hold
 * back those queued after it for sooner. Of the rest at most `perTarget` rows per target are
 * taken, round robin, so one busy channel cannot fill a whole batch while its rate limit makes it
 * wait. The rows come back in no particular order: groupByTarget puts them in queue order.
 */
export async function claimDue(q: Queryable, owner: string, limit: number, leaseMs: number, perTarget = limit): Promise<ClaimedDelivery[]> {
  const claimed = await q.query<ClaimedDelivery>(
    `UPDATE deliveries d SET status = 'sending', leased_by = $1, lease_until = now() + ($3 || ' milliseconds')::interval,
       attempts = d.attempts + 1
     WHERE d.id IN (
       SELECT id FROM deliveries
       WHERE ${DUE}
         AND id IN (
           SELECT id FROM (
             SELECT id, due, not_before, row_number() OVER queue_order AS rn,
               count(*) FILTER (WHERE NOT due) OVER queue_order AS waiting_ahead
             FROM (
               SELECT id, kind, COALESCE(conversation_id, recipient_aad, target_key) AS target, not_before, (${DUE}) AS due
               FROM deliveries
               WHERE status IN ('queued', 'sending') AND (attempts > 0 OR not_before <= now())) pending
             WINDOW queue_order AS (PARTITION BY kind, target ORDER BY id)) ranked
           WHERE due AND waiting_ahead = 0 AND rn <= $4
           ORDER BY rn, not_before, id
           LIMIT $2)
       FOR UPDATE SKIP LOCKED)
     RETURNING d.id, d.idempotency_key, d.kind, d.conversation_id, d.recipient_aad, d.target_key, d.payload, d.attempts`,
    [owner, limit, String(leaseMs), perTarget],
  );
  return releaseOvertaking(q, owner, claimed);
}

/** Rows of the same target as `d` queued before it and not finished: the ones it must not overtake. */
const AHEAD = `e.kind = d.kind AND COALESCE(e.conversation_id, e.recipient_aad, e.target_key) = COALESCE(d.conversation_id, d.recipient_aad, d.target_key)
  AND e.id < d.id AND e.status IN ('queued', 'sending') AND (e.attempts > 0 OR e.not_before <= now())`;

/**
 * Two replicas claiming at the same moment each see the queue as their statement started. One can
 * then take a later row of a conversation whose earlier row the other has just locked (SKIP LOCKED
 * passes over it). Checked once the claim is in: a claimed row with an unfinished earlier row that
 * this claim did not take goes back untried.
 */
async function releaseOvertaking(q: Queryable, owner: string, claimed: ClaimedDelivery[]): Promise<ClaimedDelivery[]> {
  if (claimed.length === 0) return claimed;
  const ids = claimed.map((d) => d.id);
  // A plain SELECT first: the planner hashes it in one pass over the open rows; almost always empty.
  const behind = await q.query<{ id: number }>(
    `SELECT d.id FROM deliveries d WHERE d.id = ANY($1::bigint[]) AND EXISTS (SELECT 1 FROM deliveries e WHERE ${AHEAD} AND NOT (e.id = ANY($1::bigint[])))`,
    [ids],
  );
  if (behind.length === 0) return claimed;
  const released = new Set(behind.map((r) => Number(r.id)));
  await q.query(
    `UPDATE deliveries SET status = 'queued', lease_until = NULL, attempts = GREATEST(attempts - 1, 0) WHERE id = ANY($1::bigint[]) AND leased_by = $2`,
    [[...released], owner],
  );
  return claimed.filter((d) => !released.has(Number(d.id)));
}

/** Claimed rows per target, each group in queue order (the claim returns rows in no particular order). */
export function groupByTarget(batch: ClaimedDelivery[]): ClaimedDelivery[][] {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const d of [...batch].sort((a, b) => a.id - b.id)) {
    const key = `${d.kind}:${d.conversation_id ?? d.recipient_aad ?? d.target_key ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()];
}

export async function markSent(q: Queryable, id: number, owner: string, activityId: string | undefined, conversationId?: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'sent', sent_at = now(), sent_activity_id = $3, lease_until = NULL,
       conversation_id = COALESCE($4, conversation_id), last_error = NULL
     WHERE id = $1 AND leased_by = $2`,
    [id, owner, activityId ?? null, conversationId ?? null],
  );
}

/** Back to the queue after a failed attempt; the attempt counts towards the dead-letter limit. */
export async function reschedule(q: Queryable, id: number, owner: string, delayMs: number, error: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'queued', not_before = now() + ($3 || ' milliseconds')::interval, lease_until = NULL, last_error = $4
     WHERE id = $1 AND leased_by = $2`,
    [id, owner, String(Math.round(delayMs)), error],
  );
}

/** Back to the queue without having tried (lease too short, target not sent yet): no attempt used. */
export async function release(q: Queryable, id: number, owner: string, delayMs: number, note?: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'queued', not_before = now() + ($3 || ' milliseconds')::interval, lease_until = NULL,
       attempts = GREATEST(attempts - 1, 0), last_error = COALESCE($4, last_error)
     WHERE id = $1 AND leased_by = $2`,
    [id, owner, String(Math.round(delayMs)), note ?? null],
  );
}

export async function markFailed(q: Queryable, id: number, owner: string, status: 'failed' | 'dead', error: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = $3, lease_until = NULL, last_error = $4 WHERE id = $1 AND leased_by = $2`,
    [id, owner, status, error],
  );
}

/**
 * An update whose card a newer queued update of the same post replaces: recorded as done (status
 * 'sent', no activity id) with the reason in last_error, never deleted.
 */
export async function markSuperseded(q: Queryable, id: number, owner: string, newerKey: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = $3 WHERE id = $1 AND leased_by = $2`,
    [id, owner, `skipped: superseded by newer update ${newerKey}`],
  );
}

/** A newer update of the same post, if any: it carries the newer state, whenever it is due. */
export async function newerUpdate(q: Queryable, id: number, targetKey: string): Promise<string | undefined> {
  const rows = await q.query<{ idempotency_key: string }>(
    `SELECT idempotency_key FROM deliveries
     WHERE kind = 'update' AND target_key = $2 AND id > $1 AND status IN ('queued', 'sending', 'sent')
     ORDER BY id DESC LIMIT 1`,
    [id, targetKey],
  );
  return rows[0]?.idempotency_key;
}

/** The post an update refers to, once it has been sent. */
export async function findSentPost(q: Queryable, idempotencyKey: string) {
  const rows = await q.query<{ status: string; conversation_id: string | null; sent_activity_id: string | null }>(
    `SELECT status, conversation_id, sent_activity_id FROM deliveries WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  return rows[0];
}

export interface DeliveryRow {
  id: number;
  idempotency_key: string;
  kind: string;
  status: DeliveryStatus;
  attempts: number;
  conversation_id: string | null;
  recipient_aad: string | null;
  target_key: string | null;
  last_error: string | null;
  created_at: Date;
  not_before: Date;
  sent_at: Date | null;
}

/** Deliveries for the operator, newest first; by default the ones that need attention. */
export async function listDeliveries(q: Queryable, statuses: DeliveryStatus[] = ['failed', 'dead'], limit = 100): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(
    `SELECT id, idempotency_key, kind, status, attempts, conversation_id, recipient_aad, target_key, last_error, created_at, not_before, sent_at
     FROM deliveries WHERE status = ANY($1::text[]) ORDER BY id DESC LIMIT $2`,
    [statuses, limit],
  );
}

/**
 * Puts a failed or dead-lettered delivery back in the queue with a fresh attempt budget. The
 * previous error stays in last_error until the next attempt. Returns false for other states.
 */
export async function retryDelivery(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query(
    `UPDATE deliveries SET status = 'queued', attempts = 0, not_before = now(), lease_until = NULL, leased_by = NULL
     WHERE id = $1 AND status IN ('failed', 'dead') RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Queue depth (queued or in flight) and the age of the oldest waiting delivery, in seconds. */
export async function queueStats(q: Queryable): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const rows = await q.query<{ depth: number | string; age: number | string | null }>(
    `SELECT count(*) AS depth, EXTRACT(EPOCH FROM now() - min(created_at)) AS age FROM deliveries WHERE status IN ('queued', 'sending')`,
  );
  return { depth: Number(rows[0]?.depth ?? 0), oldestAgeSeconds: Number(rows[0]?.age ?? 0) };
}

/** How many deliveries are in each status (for the metrics gauge and the CLI). */
export async function countByStatus(q: Queryable): Promise<Record<DeliveryStatus, number>> {
  const rows = await q.query<{ status: DeliveryStatus; n: number | string }>(`SELECT status, count(*) AS n FROM deliveries GROUP BY status`);
  const counts: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, dead: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The outbox row for one request; the same idempotency key twice is a no-op (returns null). */
export async function insertDelivery(
  q: Queryable,
  row: { idempotencyKey: string; kind: string; conversationId: string | null; recipientAad: string | null; targetKey: string | null; payload: DeliveryPayload; notBefore: Date | null },
): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO deliveries (idempotency_key, kind, conversation_id, recipient_aad, target_key, payload, not_before)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()))
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [row.idempotencyKey, row.kind, row.conversationId, row.recipientAad, row.targetKey, JSON.stringify(row.payload), row.notBefore?.toISOString() ?? null],
  );
  return rows[0]?.id ?? null;
}

/**
 * Records a card the bot showed as the answer to a card action (not sent through the queue) as a
 * sent post, so later updates (by its key) can replace that card in place.
 */
export async function recordAnsweredCard(q: Queryable, idempotencyKey: string, conversationId: string, activityId: string): Promise<void> {
  await q.query(
    `INSERT INTO deliveries (idempotency_key, kind, conversation_id, payload, status, sent_activity_id, sent_at)
     VALUES ($1, 'post', $2, '{}'::jsonb, 'sent', $3, now())
     ON CONFLICT (idempotency_key) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, sent_activity_id = EXCLUDED.sent_activity_id
     WHERE deliveries.status = 'sent'`,
    [idempotencyKey, conversationId, activityId],
  );
}

/** Takes back a delivery that was not sent yet (a reminder no longer wanted); its key is free again. */
export async function withdrawQueued(q: Queryable, idempotencyKey: string): Promise<boolean> {
  const rows = await q.query(`DELETE FROM deliveries WHERE idempotency_key = $1 AND status = 'queued' RETURNING id`, [idempotencyKey]);
  return rows.length > 0;
}
