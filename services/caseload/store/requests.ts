import type { Queryable } from '../../db';
import { ACTIVE_STATUSES, UNANSWERED_STATUSES } from '../rules';
import type { HelpKind, HelpOffer, HelpReason, HelpRequest, NewHelpRequest, RequestDetail, RequestStatus, Urgency } from '../types';

interface RequestRow {
  id: number; requester_aad: string; requester_name: string | null; requester_teams_id: string | null; regioteam: string;
  kind: HelpKind; case_count: number; reason: HelpReason; urgency: Urgency; period_from: string | null; period_to: string | null;
  description: string | null; case_refs: string[]; status: RequestStatus; offered_cases: number; version: number;
  created_at: Date; escalated_at: Date | null; closed_at: Date | null;
}

interface OfferRow {
  id: number; request_id: number; helper_aad: string; helper_name: string | null; helper_teams_id: string | null;
  case_count: number; status: HelpOffer['status']; created_at: Date; accepted_at: Date | null;
}

const toRequest = (r: RequestRow): HelpRequest => ({
  id: Number(r.id),
  requesterAad: r.requester_aad,
  requesterName: r.requester_name ?? '',
  regioteam: r.regioteam,
  kind: r.kind,
  caseCount: r.case_count,
  reason: r.reason,
  urgency: r.urgency,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  description: r.description,
  caseRefs: r.case_refs ?? [],
  status: r.status,
  offeredCases: r.offered_cases,
  version: r.version,
  createdAt: new Date(r.created_at),
  escalatedAt: r.escalated_at ? new Date(r.escalated_at) : null,
  closedAt: r.closed_at ? new Date(r.closed_at) : null,
});

const toOffer = (o: OfferRow): HelpOffer => ({
  id: Number(o.id),
  requestId: Number(o.request_id),
  helperAad: o.helper_aad,
  helperName: o.helper_name ?? '',
  helperTeamsId: o.helper_teams_id,
  caseCount: o.case_count,
  status: o.status,
  createdAt: new Date(o.created_at),
  acceptedAt: o.accepted_at ? new Date(o.accepted_at) : null,
});

export async function insertHelpRequest(q: Queryable, input: NewHelpRequest, at: Date): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO help_requests (requester_aad, regioteam, kind, case_count, reason, urgency, period_from, period_to, description, case_refs, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [input.requesterAad, input.regioteam, input.kind, input.caseCount, input.reason, input.urgency, input.periodFrom ?? null,
      input.periodTo ?? null, input.description ?? null, JSON.stringify(input.caseRefs), at.toISOString()],
  );
  return Number(rows[0]!.id);
}

/** A request with its offers and the names the card shows; `lock` takes the row lock for a change. */
export async function loadRequest(q: Queryable, id: number, lock = false): Promise<RequestDetail | undefined> {
  if (lock) await q.query(`SELECT id FROM help_requests WHERE id = $1 FOR UPDATE`, [id]);
  const rows = await q.query<RequestRow>(
    `SELECT r.*, p.name AS requester_name, p.teams_user_id AS requester_teams_id
     FROM help_requests r LEFT JOIN people p ON p.aad_object_id = r.requester_aad WHERE r.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const offers = await q.query<OfferRow>(
    `SELECT o.*, p.name AS helper_name, p.teams_user_id AS helper_teams_id
     FROM help_offers o LEFT JOIN people p ON p.aad_object_id = o.helper_aad WHERE o.request_id = $1 ORDER BY o.created_at, o.id`,
    [id],
  );
  return { request: toRequest(row), offers: offers.map(toOffer), requesterTeamsId: row.requester_teams_id };
}

/** Status after a change of offers: accepted help wins over offered help. */
export async function recomputeStatus(q: Queryable, requestId: number): Promise<void> {
  await q.query(
    `UPDATE help_requests r SET version = r.version + 1, status = CASE
       WHEN r.status IN ('afgerond', 'ingetrokken') THEN r.status
       WHEN EXISTS (SELECT 1 FROM help_offers o WHERE o.request_id = r.id AND o.status = 'accepted') THEN 'toegewezen'
       WHEN EXISTS (SELECT 1 FROM help_offers o WHERE o.request_id = r.id AND o.status = 'offered') THEN 'aangeboden'
       ELSE 'open' END
     WHERE r.id = $1`,
    [requestId],
  );
}

/**
 * Claims `amount` of the request's open cases with one conditional UPDATE, so of two colleagues
 * claiming the last case at the same moment exactly one gets it. False when not enough were left.
 */
export async function claimCases(q: Queryable, requestId: number, amount: number): Promise<boolean> {
  const claimed = await q.query(
    `UPDATE help_requests SET offered_cases = offered_cases + $2
     WHERE id = $1 AND status = ANY($3::text[]) AND offered_cases + $2 <= case_count RETURNING id`,
    [requestId, amount, ACTIVE_STATUSES],
  );
  return claimed.length > 0;
}

/** A helper's offer; a helper who withdrew earlier offers anew in the same row. */
export async function saveOffer(q: Queryable, requestId: number, helperAad: string, amount: number, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO help_offers (request_id, helper_aad, case_count, status, created_at) VALUES ($1, $2, $3, 'offered', $4)
     ON CONFLICT (request_id, helper_aad) DO UPDATE SET case_count = EXCLUDED.case_count, status = 'offered',
       created_at = EXCLUDED.created_at, accepted_at = NULL`,
    [requestId, helperAad, amount, at.toISOString()],
  );
}

/** The offer is withdrawn and its cases are open again. */
export async function releaseOffer(q: Queryable, requestId: number, offer: Pick<HelpOffer, 'id' | 'caseCount'>): Promise<void> {
  await q.query(`UPDATE help_offers SET status = 'withdrawn' WHERE id = $1`, [offer.id]);
  await q.query(`UPDATE help_requests SET offered_cases = offered_cases - $2 WHERE id = $1`, [requestId, offer.caseCount]);
}

export async function markOfferAccepted(q: Queryable, offerId: number, at: Date): Promise<void> {
  await q.query(`UPDATE help_offers SET status = 'accepted', accepted_at = $2 WHERE id = $1 AND status = 'offered'`, [offerId, at.toISOString()]);
}

export async function markClosed(q: Queryable, requestId: number, outcome: 'afgerond' | 'ingetrokken', at: Date): Promise<void> {
  await q.query(`UPDATE help_requests SET status = $2, closed_at = $3, version = version + 1 WHERE id = $1`, [requestId, outcome, at.toISOString()]);
}

/** Offers nobody accepted yet lapse when the request is withdrawn. */
export async function withdrawOpenOffers(q: Queryable, requestId: number): Promise<void> {
  await q.query(`UPDATE help_offers SET status = 'withdrawn' WHERE request_id = $1 AND status = 'offered'`, [requestId]);
}

/** Requests that wait for help and were not escalated yet (the escalation job's candidates). */
export async function unescalatedRequestIds(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `SELECT id FROM help_requests WHERE status = ANY($1::text[]) AND escalated_at IS NULL ORDER BY id`,
    [UNANSWERED_STATUSES],
  );
  return rows.map((r) => Number(r.id));
}

export async function markEscalated(q: Queryable, requestId: number, at: Date): Promise<void> {
  await q.query(`UPDATE help_requests SET escalated_at = $2, version = version + 1 WHERE id = $1`, [requestId, at.toISOString()]);
}

/** Who accepted an offer, from its audit entry (the offer keeps only when): the actor, and for whom when standing in. */
export async function offerAccepter(q: Queryable, requestId: number, offerId: number): Promise<{ actorAad: string; actorName: string; onBehalfOf: string | null } | undefined> {
  const rows = await q.query<{ actor: string; actor_name: string | null; on_behalf_of: string | null }>(
    `SELECT a.actor, p.name AS actor_name, a.details->>'onBehalfOf' AS on_behalf_of FROM audit_log a LEFT JOIN people p ON p.aad_object_id = a.actor
     WHERE a.subject = $1 AND a.action = 'caseload.accept' AND a.outcome = 'ok' AND a.details->>'offerId' = $2 ORDER BY a.id DESC LIMIT 1`,
    [`helprequest:${requestId}`, String(offerId)],
  );
  const row = rows[0];
  return row && { actorAad: row.actor, actorName: row.actor_name ?? '', onBehalfOf: row.on_behalf_of };
}
