import { auditedWrite, type AuditOfWrite } from '../audit/store';
import type { Queryable } from '../db';
import type { RingState } from '../status/current';
import type { MdoAdvice, MdoAnswers } from './advice';
import type { MdoOutcome } from './labels';

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
  status: 'advised' | 'decided';
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

/** The consulent's own MDOs from `now` on, decided or still waiting for a decision. */
export async function upcomingMdos(q: Queryable, ownerAad: string, now: Date, limit = 20): Promise<MdoDecisionRow[]> {
  const rows = await q.query<MdoDecisionRow>(
    `SELECT * FROM mdo_decisions WHERE owner_aad = $1 AND meeting_at >= $2 ORDER BY meeting_at, id LIMIT $3`,
    [ownerAad, now.toISOString(), limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), hours_saved: Number(r.hours_saved) }));
}
