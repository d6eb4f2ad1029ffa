import type { Queryable } from '../../db';

/**
 * The person's open items that ask for action (the `taken` list): the current stage is due today
 * or overdue, or the item was handed over to them and nothing happened to it since. Due first,
 * earliest deadline first.
 */
export async function itemsWaitingFor(q: Queryable, ownerAad: string, today: string, limit: number) {
  const rows = await q.query<{ id: number; kind: string; case_reference: string; stage: string | null; due_on: string | null; handed_over_by: string | null }>(
    `SELECT i.id, i.kind, i.case_reference, cur.stage, cur.due_on::text AS due_on, handover.by AS handed_over_by
     FROM monitoring_items i
     LEFT JOIN LATERAL (
       SELECT s.stage, s.due_on FROM monitoring_stages s WHERE s.item_id = i.id AND s.status IN ('pending', 'announced')
       ORDER BY (s.status = 'announced') DESC, CASE WHEN s.status = 'announced' THEN -s.seq ELSE s.seq END LIMIT 1
     ) cur ON true
     LEFT JOIN LATERAL (
       SELECT COALESCE(p.name, '') AS by FROM (
         SELECT a.actor, a.action, a.details FROM audit_log a WHERE a.subject = 'monitoring:' || i.id AND a.outcome = 'ok' ORDER BY a.id DESC LIMIT 1
       ) last LEFT JOIN people p ON p.aad_object_id = last.actor
       WHERE last.action = 'monitoring.handover' AND last.details->>'to' = $1
     ) handover ON true
     WHERE i.owner_aad = $1 AND i.status = 'open' AND (cur.due_on <= $2::date OR handover.by IS NOT NULL)
     ORDER BY cur.due_on NULLS LAST, i.id LIMIT $3`,
    [ownerAad, today, limit],
  );
  return rows.map((r) => ({
    itemId: Number(r.id), itemKind: r.kind, caseReference: r.case_reference, stage: r.stage, dueOn: r.due_on,
    overdue: !!r.due_on && r.due_on < today, handedOverBy: r.handed_over_by,
  }));
}
