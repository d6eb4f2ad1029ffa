import { authorize, type Actor } from '../authz';
import type { Queryable } from '../db';
import { conflict, notFound } from '../errors';
import {
  ACTIVE_STATUSES,
  type HelpKind,
  type HelpOffer,
  type HelpReason,
  type HelpRequest,
  type RequestDetail,
  type RequestStatus,
  type Urgency,
} from './types';

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

export interface NewHelpRequest {
  requesterAad: string;
  regioteam: string;
  kind: HelpKind;
  caseCount: number;
  reason: HelpReason;
  urgency: Urgency;
  periodFrom?: string;
  periodTo?: string;
  description?: string;
  caseRefs: string[];
}

export async function createHelpRequest(q: Queryable, input: NewHelpRequest, at: Date): Promise<number> {
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

export async function requireRequest(q: Queryable, id: number, lock = false): Promise<RequestDetail> {
  const detail = await loadRequest(q, id, lock);
  if (!detail) throw notFound('Deze hulpvraag bestaat niet (meer).');
  return detail;
}

const isActive = (status: RequestStatus) => ACTIVE_STATUSES.includes(status);

function assertActive(detail: RequestDetail): void {
  if (!isActive(detail.request.status)) {
    throw conflict(`Deze hulpvraag is al ${detail.request.status === 'afgerond' ? 'afgerond' : 'ingetrokken'}; er kan niets meer aan veranderen.`);
  }
}

/** Status after a change of offers: accepted help wins over offered help. */
async function recomputeStatus(q: Queryable, requestId: number): Promise<void> {
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
 * A colleague of the request's regioteam offers to take `amount` cases. The request row is locked
 * and the open cases are claimed with a conditional UPDATE, so of two colleagues claiming the last
 * one at the same moment exactly one succeeds; the other is told it is already taken.
 */
export async function offerHelp(q: Queryable, requestId: number, helper: Actor, amount: number, at: Date): Promise<void> {
  const helperAad = helper.aadObjectId;
  const detail = await requireRequest(q, requestId, true);
  // Help is organised within the regioteam (report, verbetervoorstel 9).
  authorize(helper, 'caseload.help', { regioteam: detail.request.regioteam });
  assertActive(detail);
  if (detail.request.requesterAad === helperAad) throw conflict('Dit is je eigen hulpvraag; een collega kan hier hulp aanbieden.');
  const own = detail.offers.find((o) => o.helperAad === helperAad && o.status !== 'withdrawn');
  if (own) throw conflict(`Je hebt al aangeboden om ${own.caseCount} ${own.caseCount === 1 ? 'casus' : 'casussen'} op te pakken. Trek dat aanbod eerst in als je het wilt wijzigen.`);
  const claimed = await q.query(
    `UPDATE help_requests SET offered_cases = offered_cases + $2
     WHERE id = $1 AND status IN ('open', 'aangeboden', 'toegewezen') AND offered_cases + $2 <= case_count RETURNING id`,
    [requestId, amount],
  );
  if (claimed.length === 0) {
    const left = detail.request.caseCount - detail.request.offeredCases;
    throw conflict(
      left <= 0
        ? 'Helaas, deze hulpvraag is al vergeven: een collega was je net voor. Dank je wel dat je wilde helpen!'
        : `Er ${left === 1 ? 'staat nog maar 1 casus' : `staan nog maar ${left} casussen`} open; een collega was je net voor. Kies een kleiner aantal.`,
    );
  }
  await q.query(
    `INSERT INTO help_offers (request_id, helper_aad, case_count, status, created_at) VALUES ($1, $2, $3, 'offered', $4)
     ON CONFLICT (request_id, helper_aad) DO UPDATE SET case_count = EXCLUDED.case_count, status = 'offered',
       created_at = EXCLUDED.created_at, accepted_at = NULL`,
    [requestId, helperAad, amount, at.toISOString()],
  );
  await recomputeStatus(q, requestId);
}

/** The helper withdraws an offer that was not accepted yet; its cases become open again. */
export async function withdrawOffer(q: Queryable, requestId: number, helperAad: string): Promise<void> {
  const detail = await requireRequest(q, requestId, true);
  assertActive(detail);
  const own = detail.offers.find((o) => o.helperAad === helperAad && o.status === 'offered');
  if (!own) throw conflict('Je hebt geen openstaand aanbod bij deze hulpvraag (meer).');
  await q.query(`UPDATE help_offers SET status = 'withdrawn' WHERE id = $1`, [own.id]);
  await q.query(`UPDATE help_requests SET offered_cases = offered_cases - $2 WHERE id = $1`, [requestId, own.caseCount]);
  await recomputeStatus(q, requestId);
}

/** The requester accepts an offer; returns it so the helper can be told. */
export async function acceptOffer(q: Queryable, requestId: number, offerId: number, at: Date): Promise<HelpOffer> {
  const detail = await requireRequest(q, requestId, true);
  assertActive(detail);
  const offer = detail.offers.find((o) => o.id === offerId);
  if (!offer || offer.status === 'withdrawn') throw conflict('Dit aanbod is ingetrokken door je collega.');
  if (offer.status === 'accepted') throw conflict('Je hebt dit aanbod al geaccepteerd.');
  await q.query(`UPDATE help_offers SET status = 'accepted', accepted_at = $2 WHERE id = $1 AND status = 'offered'`, [offerId, at.toISOString()]);
  await recomputeStatus(q, requestId);
  return offer;
}

/** Closes the request: afgerond once help was arranged, ingetrokken by the requester at any time. */
export async function closeRequest(q: Queryable, requestId: number, outcome: 'afgerond' | 'ingetrokken', at: Date): Promise<RequestDetail> {
  const detail = await requireRequest(q, requestId, true);
  assertActive(detail);
  if (outcome === 'afgerond' && detail.request.status !== 'toegewezen') {
    throw conflict('Afronden kan pas als je een aanbod hebt geaccepteerd. Wil je de hulpvraag stoppen? Trek hem dan in.');
  }
  await q.query(
    `UPDATE help_requests SET status = $2, closed_at = $3, version = version + 1 WHERE id = $1`,
    [requestId, outcome, at.toISOString()],
  );
  if (outcome === 'ingetrokken') {
    await q.query(`UPDATE help_offers SET status = 'withdrawn' WHERE request_id = $1 AND status = 'offered'`, [requestId]);
  }
  return detail;
}
