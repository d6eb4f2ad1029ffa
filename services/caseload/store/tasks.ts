import type { Queryable } from '../../db';
import { ACTIVE_STATUSES, UNANSWERED_STATUSES } from '../rules';
import type { HelpKind, RequestStatus, Urgency } from '../types';

/** What waits for one person in caseload support (the `taken` list); each query is capped by the caller's limit. */

const iso = (at: Date | string) => new Date(at).toISOString();

/** Offers on the person's own active requests that they can accept. */
export async function offersToAccept(q: Queryable, requesterAad: string, limit: number) {
  const rows = await q.query<{ request_id: number; offer_id: number; helper_aad: string; helper_name: string | null; case_count: number; created_at: Date }>(
    `SELECT o.request_id, o.id AS offer_id, o.helper_aad, p.name AS helper_name, o.case_count, o.created_at
     FROM help_offers o JOIN help_requests r ON r.id = o.request_id
     LEFT JOIN people p ON p.aad_object_id = o.helper_aad
     WHERE r.requester_aad = $1 AND r.status = ANY($2::text[]) AND o.status = 'offered'
     ORDER BY o.created_at DESC, o.id DESC LIMIT $3`,
    [requesterAad, ACTIVE_STATUSES, limit],
  );
  return rows.map((r) => ({ requestId: Number(r.request_id), offerId: Number(r.offer_id), helperAad: r.helper_aad, helperName: r.helper_name ?? '', caseCount: r.case_count, at: iso(r.created_at) }));
}

/** The person's own requests that are still active (withdraw, or close once help was accepted). */
export async function ownActiveRequests(q: Queryable, requesterAad: string, limit: number) {
  const rows = await q.query<{ id: number; status: RequestStatus; kind: HelpKind; case_count: number; offered_cases: number; created_at: Date }>(
    `SELECT id, status, kind, case_count, offered_cases, created_at FROM help_requests
     WHERE requester_aad = $1 AND status = ANY($2::text[]) ORDER BY created_at DESC, id DESC LIMIT $3`,
    [requesterAad, ACTIVE_STATUSES, limit],
  );
  return rows.map((r) => ({ requestId: Number(r.id), status: r.status, helpKind: r.kind, caseCount: r.case_count, offeredCases: r.offered_cases, at: iso(r.created_at) }));
}

/** Requests of the regioteam that still have open cases, not the person's own and without an offer of theirs. */
export async function teamRequestsNeedingHelp(q: Queryable, regioteam: string, aad: string, limit: number) {
  const rows = await q.query<{ id: number; requester_name: string | null; kind: HelpKind; urgency: Urgency; left: number; created_at: Date }>(
    `SELECT r.id, p.name AS requester_name, r.kind, r.urgency, r.case_count - r.offered_cases AS left, r.created_at
     FROM help_requests r LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE r.regioteam = $1 AND r.requester_aad <> $2 AND r.status = ANY($3::text[]) AND r.offered_cases < r.case_count
       AND NOT EXISTS (SELECT 1 FROM help_offers o WHERE o.request_id = r.id AND o.helper_aad = $2 AND o.status <> 'withdrawn')
     ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
    [regioteam, aad, UNANSWERED_STATUSES, limit],
  );
  return rows.map((r) => ({ requestId: Number(r.id), requesterName: r.requester_name ?? '', helpKind: r.kind, urgency: r.urgency, casesLeft: Number(r.left), at: iso(r.created_at) }));
}

/** The person's offers on requests that are still active: waiting for acceptance (withdrawable) or accepted. */
export async function ownOffers(q: Queryable, helperAad: string, limit: number) {
  const rows = await q.query<{ request_id: number; requester_name: string | null; case_count: number; status: 'offered' | 'accepted'; created_at: Date }>(
    `SELECT o.request_id, p.name AS requester_name, o.case_count, o.status, o.created_at
     FROM help_offers o JOIN help_requests r ON r.id = o.request_id
     LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE o.helper_aad = $1 AND o.status IN ('offered', 'accepted') AND r.status = ANY($2::text[])
     ORDER BY o.created_at DESC, o.id DESC LIMIT $3`,
    [helperAad, ACTIVE_STATUSES, limit],
  );
  return rows.map((r) => ({ requestId: Number(r.request_id), requesterName: r.requester_name ?? '', caseCount: r.case_count, status: r.status, at: iso(r.created_at) }));
}

/** Escalated requests of these regioteams that still wait for accepted help (the teamleider's). */
export async function escalatedRequests(q: Queryable, regioteams: string[], limit: number) {
  if (regioteams.length === 0) return [];
  const rows = await q.query<{ id: number; regioteam: string; requester_name: string | null; kind: HelpKind; case_count: number; escalated_at: Date }>(
    `SELECT r.id, r.regioteam, p.name AS requester_name, r.kind, r.case_count, r.escalated_at
     FROM help_requests r LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE r.regioteam = ANY($1::text[]) AND r.escalated_at IS NOT NULL AND r.status = ANY($2::text[])
     ORDER BY r.escalated_at DESC, r.id DESC LIMIT $3`,
    [regioteams, UNANSWERED_STATUSES, limit],
  );
  return rows.map((r) => ({ requestId: Number(r.id), regioteam: r.regioteam, requesterName: r.requester_name ?? '', helpKind: r.kind, caseCount: r.case_count, at: iso(r.escalated_at) }));
}
