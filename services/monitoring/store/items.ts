import { auditOfWrite, type AuditOfWrite } from '../../audit/store';
import type { Queryable } from '../../db';
import type { ComputedStage } from '../rules';
import type { ItemRow, StageRow } from '../types';

/** All SQL of monitoring items, their stages and the cards posted about them. */

const ITEM_COLUMNS = `id, kind, case_reference, anchor_date::text AS anchor_date, owner_aad, regioteam, status, outcome,
  meeting_recorded, escalated_at, school_year, version, closed_at`;

export interface NewItemRow {
  kind: string;
  caseReference: string;
  anchorDate: string;
  ownerAad: string;
  regioteam: string;
  schoolYear: string;
  onceKey: string | null;
  source: 'card' | 'import';
  createdBy: string;
}

/**
 * Stores an item, the due date of each stage and (when given) its audit entry in one statement, so
 * it is atomic with or without a transaction around it. Returns undefined when the once_key is
 * taken (also when two arrive at once: the unique column decides).
 */
export async function insertItem(q: Queryable, item: NewItemRow, stages: ComputedStage[], entry?: AuditOfWrite): Promise<number | undefined> {
  const staged = stages.map((s) => ({ stage: s.stage, seq: s.seq, due_on: s.dueOn }));
  const params = [item.kind, item.caseReference, item.anchorDate, item.ownerAad, item.regioteam, item.schoolYear, item.onceKey, item.source, item.createdBy, JSON.stringify(staged)];
  const audited = entry ? auditOfWrite('item', params.length + 1, entry) : undefined;
  const rows = await q.query<{ id: number }>(
    `WITH item AS (
       INSERT INTO monitoring_items (kind, case_reference, anchor_date, owner_aad, regioteam, school_year, once_key, source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (once_key) DO NOTHING RETURNING id
     ),
     staged AS (
       INSERT INTO monitoring_stages (item_id, stage, seq, due_on)
       SELECT item.id, s.stage, s.seq, s.due_on FROM item, jsonb_to_recordset($10::jsonb) AS s(stage text, seq integer, due_on date)
     )${audited ? `,
     audited AS (${audited.sql})` : ''}
     SELECT id FROM item`,
    [...params, ...(audited?.params ?? [])],
  );
  return rows[0] ? Number(rows[0].id) : undefined;
}

export async function onceKeyTaken(q: Queryable, key: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM monitoring_items WHERE once_key = $1`, [key])).length > 0;
}

export async function getItem(q: Queryable, id: number, forUpdate = false): Promise<ItemRow | undefined> {
  const rows = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM monitoring_items WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : undefined;
}

export async function getStages(q: Queryable, itemId: number): Promise<StageRow[]> {
  return q.query<StageRow>(
    `SELECT item_id, stage, seq, due_on::text AS due_on, round, status, late FROM monitoring_stages WHERE item_id = $1 ORDER BY seq`,
    [itemId],
  );
}

/** The user's own open items with their next deadline, earliest first. */
export async function ownOpenItems(q: Queryable, ownerAad: string) {
  return q.query<{ id: number; kind: string; case_reference: string; stage: string | null; due_on: string | null }>(
    `SELECT i.id, i.kind, i.case_reference, cur.stage, cur.due_on::text AS due_on
     FROM monitoring_items i
     LEFT JOIN LATERAL (
       SELECT s.stage, s.due_on FROM monitoring_stages s WHERE s.item_id = i.id AND s.status IN ('pending', 'announced')
       ORDER BY (s.status = 'announced') DESC, CASE WHEN s.status = 'announced' THEN -s.seq ELSE s.seq END LIMIT 1
     ) cur ON true
     WHERE i.owner_aad = $1 AND i.status = 'open'
     ORDER BY cur.due_on NULLS LAST, i.id LIMIT 50`,
    [ownerAad],
  );
}

/** Remembers a card posted about an item, so every later change replaces it in place. */
export async function recordCard(q: Queryable, itemId: number, deliveryKey: string): Promise<void> {
  await q.query(`INSERT INTO monitoring_cards (item_id, delivery_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [itemId, deliveryKey]);
}

export async function postedCardKeys(q: Queryable, itemId: number): Promise<string[]> {
  const rows = await q.query<{ delivery_key: string }>(`SELECT delivery_key FROM monitoring_cards WHERE item_id = $1 ORDER BY delivery_key`, [itemId]);
  return rows.map((r) => r.delivery_key);
}

/** Bumps the item's version (every change has its own update keys); returns the new version. */
export async function bumpVersion(q: Queryable, itemId: number): Promise<number> {
  const rows = await q.query<{ version: number }>(`UPDATE monitoring_items SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, [itemId]);
  return rows[0]!.version;
}

/** Closes the item and cancels its pending stages. */
export async function closeItemRow(q: Queryable, itemId: number, outcome: string, closedAt: Date): Promise<void> {
  await q.query(`UPDATE monitoring_items SET status = 'closed', outcome = $2, closed_at = $3 WHERE id = $1`, [itemId, outcome, closedAt.toISOString()]);
  await q.query(`UPDATE monitoring_stages SET status = 'cancelled' WHERE item_id = $1 AND status = 'pending'`, [itemId]);
}

/** Moves a stage to a new date (announced again then, under a new round) and no later stage before it. */
export async function extendStage(q: Queryable, itemId: number, stage: Pick<StageRow, 'stage' | 'seq'>, newDate: string): Promise<void> {
  await q.query(
    `UPDATE monitoring_stages SET due_on = $3, round = round + 1, status = 'pending', late = false, announced_on = NULL WHERE item_id = $1 AND stage = $2`,
    [itemId, stage.stage, newDate],
  );
  await q.query(`UPDATE monitoring_stages SET due_on = $3 WHERE item_id = $1 AND seq > $2 AND status = 'pending' AND due_on < $3`, [itemId, stage.seq, newDate]);
}

export async function setOwner(q: Queryable, itemId: number, ownerAad: string): Promise<void> {
  await q.query(`UPDATE monitoring_items SET owner_aad = $2 WHERE id = $1`, [itemId, ownerAad]);
}

export async function markEscalated(q: Queryable, itemId: number, at: Date): Promise<void> {
  await q.query(`UPDATE monitoring_items SET escalated_at = $2 WHERE id = $1`, [itemId, at.toISOString()]);
}

export async function markMeetingRecorded(q: Queryable, itemId: number): Promise<void> {
  await q.query(`UPDATE monitoring_items SET meeting_recorded = true WHERE id = $1`, [itemId]);
}

/** Marks the named stages of an item "not needed" while they are still pending. */
export async function skipPendingStages(q: Queryable, itemId: number, stages: string[]): Promise<void> {
  await q.query(`UPDATE monitoring_stages SET status = 'skipped' WHERE item_id = $1 AND status = 'pending' AND stage = ANY($2::text[])`, [itemId, stages]);
}

/** Deletes closed items closed before `cutoff` (stages, announcements and cards cascade). */
export async function purgeClosedBefore(q: Queryable, cutoff: Date): Promise<number> {
  const rows = await q.query<{ id: number }>(`DELETE FROM monitoring_items WHERE status = 'closed' AND closed_at < $1 RETURNING id`, [cutoff.toISOString()]);
  return rows.length;
}
