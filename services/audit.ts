import type { Queryable } from './db';

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string;
  outcome?: 'ok' | 'refused' | 'failed';
  details?: Record<string, unknown>;
  correlationId?: string;
}

/** Append-only record of who did what; written in the same transaction as the change itself. */
export async function audit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor, action, subject, outcome, details, correlation_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.actor, entry.action, entry.subject ?? null, entry.outcome ?? 'ok', JSON.stringify(entry.details ?? {}), entry.correlationId ?? null],
  );
}

/**
 * A write that returns its rows (`INSERT … RETURNING *`) and its audit entry as one statement: a
 * data-modifying CTE is atomic on its own, so no transaction is needed and it is one round trip to
 * the database. The entry's subject is `subjectPrefix` followed by the written row's id.
 */
export async function auditedWrite<T extends { id: unknown }>(
  q: Queryable,
  write: { sql: string; params: readonly unknown[] },
  entry: Omit<AuditEntry, 'subject'> & { subjectPrefix: string },
): Promise<T[]> {
  const n = write.params.length;
  const p = (i: number) => `$${n + i}`;
  return q.query<T>(
    `WITH written AS (${write.sql}),
     audited AS (
       INSERT INTO audit_log (actor, action, subject, outcome, details, correlation_id)
       SELECT ${p(1)}::text, ${p(2)}::text, ${p(3)}::text || written.id, ${p(4)}::text, ${p(5)}::jsonb, ${p(6)}::text FROM written
     )
     SELECT * FROM written`,
    [...write.params, entry.actor, entry.action, entry.subjectPrefix, entry.outcome ?? 'ok', JSON.stringify(entry.details ?? {}), entry.correlationId ?? null],
  );
}

export async function auditTrail(q: Queryable, filter: { subject?: string; action?: string } = {}) {
  return q.query<{ id: number; at: Date; actor: string; action: string; subject: string | null; outcome: string; details: Record<string, unknown> }>(
    `SELECT id, at, actor, action, subject, outcome, details FROM audit_log
     WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR action = $2) ORDER BY id`,
    [filter.subject ?? null, filter.action ?? null],
  );
}
