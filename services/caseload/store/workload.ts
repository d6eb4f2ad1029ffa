import type { Office } from '../../../config/office';
import type { Queryable } from '../../db';
import { UNANSWERED_STATUSES } from '../rules';
import type { AcceptedHelp, HelpKind, HelpRequestSummary, RequestStatus, Urgency, WaitingRequest, WorkloadRow } from '../types';

/**
 * Everyone with figures, per regioteam (all teams when omitted), against the team's norm.
 * People whose regioteam is not in the office model are left out.
 */
export async function workloadSummary(q: Queryable, office: Pick<Office, 'regioteams'>, options: { regioteam?: string } = {}): Promise<WorkloadRow[]> {
  const rows = await q.query<{
    aad_object_id: string; name: string; regioteam: string; open_cases: number; complex_cases: number;
    new_this_week: number; absent_days: number; is_buffer: boolean;
  }>(
    `SELECT f.aad_object_id, p.name, p.regioteam, f.open_cases, f.complex_cases, f.new_this_week, f.absent_days, f.is_buffer
     FROM caseload_figures f JOIN people p ON p.aad_object_id = f.aad_object_id
     WHERE p.regioteam IS NOT NULL AND ($1::text IS NULL OR p.regioteam = $1)
     ORDER BY p.regioteam, p.name`,
    [options.regioteam ?? null],
  );
  const norms = new Map(office.regioteams.map((t) => [t.id, t.caseloadNorm]));
  return rows
    .filter((r) => norms.has(r.regioteam))
    .map((r) => ({
      aadObjectId: r.aad_object_id,
      name: r.name,
      regioteam: r.regioteam,
      openCases: r.open_cases,
      complexCases: r.complex_cases,
      newThisWeek: r.new_this_week,
      absentDays: r.absent_days,
      norm: norms.get(r.regioteam)!,
      isBuffer: r.is_buffer,
    }));
}

export async function helpRequestSummary(q: Queryable, range: { from: Date; to: Date }): Promise<HelpRequestSummary> {
  const [counts] = await q.query<{ asked: number; answered: number; escalated: number }>(
    `SELECT count(*)::int AS asked,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM help_offers o WHERE o.request_id = r.id AND o.status = 'accepted'))::int AS answered,
       count(*) FILTER (WHERE r.escalated_at IS NOT NULL)::int AS escalated
     FROM help_requests r WHERE r.created_at >= $1 AND r.created_at < $2`,
    [range.from.toISOString(), range.to.toISOString()],
  );
  const open = await q.query<{ id: number; regioteam: string; kind: HelpKind; urgency: Urgency; status: RequestStatus; created_at: Date }>(
    `SELECT id, regioteam, kind, urgency, status, created_at FROM help_requests
     WHERE status = ANY($1::text[]) AND created_at < $2 ORDER BY created_at`,
    [UNANSWERED_STATUSES, range.to.toISOString()],
  );
  return {
    asked: counts?.asked ?? 0,
    answered: counts?.answered ?? 0,
    escalated: counts?.escalated ?? 0,
    open: open.map((r) => ({ id: Number(r.id), regioteam: r.regioteam, kind: r.kind, urgency: r.urgency, status: r.status, createdAt: new Date(r.created_at) })),
  };
}

/** The team's requests that still wait for accepted help, oldest first. */
export async function waitingRequests(q: Queryable, regioteam: string): Promise<WaitingRequest[]> {
  const rows = await q.query<{ id: number; kind: HelpKind; urgency: Urgency; case_count: number; name: string | null; escalated_at: Date | null }>(
    `SELECT r.id, r.kind, r.urgency, r.case_count, p.name, r.escalated_at FROM help_requests r
     LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE r.regioteam = $1 AND r.status = ANY($2::text[]) ORDER BY r.created_at`,
    [regioteam, UNANSWERED_STATUSES],
  );
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, urgency: r.urgency, caseCount: r.case_count, requesterName: r.name, escalated: !!r.escalated_at }));
}

/** Offers of the team accepted in [from, to), in the order they were accepted. */
export async function acceptedHelp(q: Queryable, regioteam: string, from: Date, to: Date): Promise<AcceptedHelp[]> {
  const rows = await q.query<{ request_id: number; case_count: number; helper: string | null; requester: string | null }>(
    `SELECT o.request_id, o.case_count, h.name AS helper, p.name AS requester
     FROM help_offers o JOIN help_requests r ON r.id = o.request_id
     LEFT JOIN people h ON h.aad_object_id = o.helper_aad LEFT JOIN people p ON p.aad_object_id = r.requester_aad
     WHERE r.regioteam = $1 AND o.status = 'accepted' AND o.accepted_at >= $2 AND o.accepted_at < $3
     ORDER BY o.accepted_at`,
    [regioteam, from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => ({ requestId: Number(r.request_id), caseCount: r.case_count, helperName: r.helper, requesterName: r.requester }));
}

/** People of the regioteam who never entered figures (the team view lists them as missing). */
export async function teamMembersWithoutFigures(q: Queryable, regioteam: string): Promise<Array<{ aadObjectId: string; name: string; upn: string | null }>> {
  const rows = await q.query<{ aad_object_id: string; name: string; upn: string | null }>(
    `SELECT p.aad_object_id, p.name, p.upn FROM people p
     WHERE p.regioteam = $1 AND p.name <> ''
       AND NOT EXISTS (SELECT 1 FROM caseload_figures f WHERE f.aad_object_id = p.aad_object_id)
     ORDER BY p.name`,
    [regioteam],
  );
  return rows.map((r) => ({ aadObjectId: r.aad_object_id, name: r.name, upn: r.upn }));
}
