import type { Queryable } from '../db';

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

export type AuditOfWrite = Omit<AuditEntry, 'subject'> & { subjectPrefix: string };

/**
 * The audit insert as the body of a CTE over `source`, a CTE of written rows with an `id`: the
 * entry's subject is `subjectPrefix` followed by that id. Its parameters are numbered from `first`.
 */
export function auditOfWrite(source: string, first: number, entry: AuditOfWrite): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO audit_log (actor, action, subject, outcome, details, correlation_id)
          SELECT ${p(0)}::text, ${p(1)}::text, ${p(2)}::text || ${source}.id, ${p(3)}::text, ${p(4)}::jsonb, ${p(5)}::text FROM ${source}`,
    params: [entry.actor, entry.action, entry.subjectPrefix, entry.outcome ?? 'ok', JSON.stringify(entry.details ?? {}), entry.correlationId ?? null],
  };
}

/**
 * A write that returns its rows (`INSERT … RETURNING *`) and its audit entry as one statement: a
 * data-modifying CTE is atomic on its own, so no transaction is needed and it is one round trip to
 * the database.
 */
export async function auditedWrite<T extends { id: unknown }>(
  q: Queryable,
  write: { sql: string; params: readonly unknown[] },
  entry: AuditOfWrite,
): Promise<T[]> {
  const audited = auditOfWrite('written', write.params.length + 1, entry);
  return q.query<T>(`WITH written AS (${write.sql}), audited AS (${audited.sql}) SELECT * FROM written`, [...write.params, ...audited.params]);
}

export async function auditTrail(q: Queryable, filter: { subject?: string; action?: string } = {}) {
  return q.query<{ id: number; at: Date; actor: string; action: string; subject: string | null; outcome: string; details: Record<string, unknown> }>(
    `SELECT id, at, actor, action, subject, outcome, details FROM audit_log
     WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR action = $2) ORDER BY id`,
    [filter.subject ?? null, filter.action ?? null],
  );
}
