import { auditedWrite, type AuditOfWrite } from '../audit/store';
import type { Queryable } from '../db';
import type { RingState } from '../status/current';
import type { MdoAdvice, MdoAnswers } from './rules';
import type { MdoOutcome } from '../../config/mdo-labels';

/** What the form established, as stored with the decision (`inputs`). */
export interface StoredInputs {
  type: string;
  detail?: string;
  date: string;
  time: string;
  organiser: string;
  caseRefs: string[];
  answers: MdoAnswers;
}

export interface MdoDecisionRow {
  id: number;
  owner_aad: string;
  regioteam: string | null;
  mdo_type: string;
  detail: string | null;
  meeting_at: Date;
  organiser: string;
  case_refs: string[];
  inputs: StoredInputs;
  advice: MdoAdvice;
  ring_state: RingState;
  category: string;
  advised_outcome: MdoOutcome;
  status: 'advised' | 'decided' | 'cancelled';
  final_outcome: MdoOutcome | null;
  overridden: boolean;
  override_reason: string | null;
  reminder_at: Date | null;
  hours_saved: number;
  created_at: Date;
  decided_at: Date | null;
}

/** Stores an advice and its audit entry in one statement (see auditedWrite). */
export async function insertAdvice(
  q: Queryable,
  row: { ownerAad: string; regioteam?: string; inputs: StoredInputs; meetingAt: Date; advice: MdoAdvice; ringState: RingState; now: Date },
  entry: AuditOfWrite,
): Promise<MdoDecisionRow> {
  const rows = await auditedWrite<MdoDecisionRow>(q, {
    sql: `INSERT INTO mdo_decisions (owner_aad, regioteam, mdo_type, detail, meeting_at, organiser, case_refs, inputs, advice, ring_state,
            category, advised_outcome, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
    params: [
      row.ownerAad, row.regioteam ?? null, row.inputs.type, row.inputs.detail ?? null, row.meetingAt.toISOString(), row.inputs.organiser,
      JSON.stringify(row.inputs.caseRefs), JSON.stringify(row.inputs), JSON.stringify(row.advice), JSON.stringify(row.ringState),
      row.advice.category, row.advice.outcome, row.now.toISOString(),
    ],
  }, entry);
  return normalised(rows[0]!);
}

/** bigint and numeric columns arrive as strings from PostgreSQL. */
const normalised = (row: MdoDecisionRow): MdoDecisionRow => ({ ...row, id: Number(row.id), hours_saved: Number(row.hours_saved) });

export async function getMdoDecision(q: Queryable, id: number, forUpdate = false): Promise<MdoDecisionRow | undefined> {
  const rows = await q.query<MdoDecisionRow>(`SELECT * FROM mdo_decisions WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  const row = rows[0];
  return row ? normalised(row) : undefined;
}

/** A newer ring state changed the advice before the decision: keep what the consulent now sees. */
export async function replaceAdvice(q: Queryable, id: number, advice: MdoAdvice, ringState: RingState): Promise<void> {
  await q.query(
    `UPDATE mdo_decisions SET advice = $2, ring_state = $3, category = $4, advised_outcome = $5 WHERE id = $1 AND status = 'advised'`,
    [id, JSON.stringify(advice), JSON.stringify(ringState), advice.category, advice.outcome],
  );
}

export async function storeDecision(
  q: Queryable,
  d: { id: number; finalOutcome: MdoOutcome; overridden: boolean; reason?: string; reminderAt?: Date; hoursSaved: number; ringState: RingState; now: Date },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE mdo_decisions SET status = 'decided', final_outcome = $2, overridden = $3, override_reason = $4, reminder_at = $5,
       hours_saved = $6, ring_state = $7, decided_at = $8
     WHERE id = $1 AND status = 'advised' RETURNING id`,
    [d.id, d.finalOutcome, d.overridden, d.reason ?? null, d.reminderAt?.toISOString() ?? null, d.hoursSaved, JSON.stringify(d.ringState), d.now.toISOString()],
  );
  return rows.length > 0;
}

/** A decided MDO gets another outcome (with its reason); false when it is no longer decided. */
export async function changeDecision(
  q: Queryable,
  d: { id: number; finalOutcome: MdoOutcome; overridden: boolean; reason: string; reminderAt?: Date; hoursSaved: number },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE mdo_decisions SET final_outcome = $2, overridden = $3, override_reason = $4, reminder_at = $5, hours_saved = $6
     WHERE id = $1 AND status = 'decided' RETURNING id`,
    [d.id, d.finalOutcome, d.overridden, d.reason, d.reminderAt?.toISOString() ?? null, d.hoursSaved],
  );
  return rows.length > 0;
}

/** The MDO will not take place for this consulent; it leaves their list and the figures. */
export async function markCancelled(q: Queryable, id: number, at: Date): Promise<boolean> {
  const rows = await q.query(`UPDATE mdo_decisions SET status = 'cancelled', cancelled_at = $2, reminder_at = NULL WHERE id = $1 AND status <> 'cancelled' RETURNING id`, [id, at.toISOString()]);
  return rows.length > 0;
}

/** The consulent's own MDOs from `now` on, decided or still waiting for a decision. */
export async function upcomingMdos(q: Queryable, ownerAad: string, now: Date, limit = 20): Promise<MdoDecisionRow[]> {
  const rows = await q.query<MdoDecisionRow>(
    `SELECT * FROM mdo_decisions WHERE owner_aad = $1 AND meeting_at >= $2 AND status <> 'cancelled' ORDER BY meeting_at, id LIMIT $3`,
    [ownerAad, now.toISOString(), limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), hours_saved: Number(r.hours_saved) }));
}

export interface MdoSummary {
  total: number;
  /** By catalogue type id. */
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  /** By final outcome (what the consulent decided). */
  byOutcome: Record<string, number>;
  /** Decisions that differ from the advice. */
  overridden: number;
  hoursSaved: number;
}

/**
 * Figures for the dashboard and the half-yearly evaluation: decided MDOs whose meeting falls in
 * [from, to), optionally for some regioteams only.
 */
export async function mdoSummary(q: Queryable, period: { from: Date; to: Date; regioteams?: string[] }): Promise<MdoSummary> {
  const rows = await q.query<{ mdo_type: string; category: string; final_outcome: string; overridden: boolean; n: number; hours: number }>(
    `SELECT mdo_type, category, final_outcome, overridden, count(*)::int AS n, COALESCE(sum(hours_saved), 0)::float8 AS hours
     FROM mdo_decisions
     WHERE status = 'decided' AND meeting_at >= $1 AND meeting_at < $2
       AND ($3::jsonb IS NULL OR regioteam IN (SELECT jsonb_array_elements_text($3::jsonb)))
     GROUP BY mdo_type, category, final_outcome, overridden`,
    [period.from.toISOString(), period.to.toISOString(), period.regioteams ? JSON.stringify(period.regioteams) : null],
  );
  const summary: MdoSummary = { total: 0, byType: {}, byCategory: {}, byOutcome: {}, overridden: 0, hoursSaved: 0 };
  const add = (map: Record<string, number>, key: string, n: number) => {
    map[key] = (map[key] ?? 0) + n;
  };
  for (const row of rows) {
    const n = Number(row.n);
    summary.total += n;
    add(summary.byType, row.mdo_type, n);
    add(summary.byCategory, row.category, n);
    add(summary.byOutcome, row.final_outcome, n);
    if (row.overridden) summary.overridden += n;
    summary.hoursSaved += Number(row.hours);
  }
  summary.hoursSaved = Math.round(summary.hoursSaved * 10) / 10;
  return summary;
}

/** The gemeente of the consulent's most recent MDO that names one (pre-filled on the next form). */
export async function lastGemeente(q: Queryable, ownerAad: string, gemeenteTypes: string[]): Promise<string | undefined> {
  if (gemeenteTypes.length === 0) return undefined;
  const rows = await q.query<{ detail: string }>(
    `SELECT detail FROM mdo_decisions
     WHERE owner_aad = $1 AND detail IS NOT NULL AND mdo_type IN (SELECT jsonb_array_elements_text($2::jsonb))
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [ownerAad, JSON.stringify(gemeenteTypes)],
  );
  return rows[0]?.detail;
}
