import type { Queryable } from '../db';
import type { DeliveryPayload } from './enqueue';

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

/**
 * Claims due deliveries for one sender. Queue time is the database's clock (shared by all replicas),
 * not the domain clock that tests move. SKIP LOCKED lets several replicas work the same queue
 * without taking the same row; the lease makes a row claimable again if its sender dies.
 */
export async function claimDue(q: Queryable, owner: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return q.query<ClaimedDelivery>(
    `UPDATE deliveries d SET status = 'sending', leased_by = $1, lease_until = now() + ($3 || ' milliseconds')::interval,
       attempts = d.attempts + 1
     WHERE d.id IN (
       SELECT id FROM deliveries
       WHERE not_before <= now()
         AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))
       ORDER BY not_before, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED)
     RETURNING d.id, d.idempotency_key, d.kind, d.conversation_id, d.recipient_aad, d.target_key, d.payload, d.attempts`,
    [owner, limit, String(leaseMs)],
  );
}

export async function markSent(q: Queryable, id: number, owner: string, activityId: string | undefined, conversationId?: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'sent', sent_at = now(), sent_activity_id = $3, lease_until = NULL,
       conversation_id = COALESCE($4, conversation_id), last_error = NULL
     WHERE id = $1 AND leased_by = $2`,
    [id, owner, activityId ?? null, conversationId ?? null],
  );
}

export async function reschedule(q: Queryable, id: number, owner: string, delayMs: number, error: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'queued', not_before = now() + ($3 || ' milliseconds')::interval, lease_until = NULL, last_error = $4
     WHERE id = $1 AND leased_by = $2`,
    [id, owner, String(Math.round(delayMs)), error],
  );
}

export async function markFailed(q: Queryable, id: number, owner: string, status: 'failed' | 'dead', error: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = $3, lease_until = NULL, last_error = $4 WHERE id = $1 AND leased_by = $2`,
    [id, owner, status, error],
  );
}

/** The post an update refers to, once it has been sent. */
export async function findSentPost(q: Queryable, idempotencyKey: string) {
  const rows = await q.query<{ status: string; conversation_id: string | null; sent_activity_id: string | null }>(
    `SELECT status, conversation_id, sent_activity_id FROM deliveries WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  return rows[0];
}
