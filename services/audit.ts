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

export async function auditTrail(q: Queryable, filter: { subject?: string; action?: string } = {}) {
  return q.query<{ id: number; at: Date; actor: string; action: string; subject: string | null; outcome: string; details: Record<string, unknown> }>(
    `SELECT id, at, actor, action, subject, outcome, details FROM audit_log
     WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR action = $2) ORDER BY id`,
    [filter.subject ?? null, filter.action ?? null],
  );
}
