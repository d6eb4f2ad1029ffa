import type { Office } from '../../config/office';
import type { Queryable } from '../db';
import { UNANSWERED_STATUSES, type HelpKind, type RequestStatus, type Urgency } from './types';

export interface WorkloadRow {
  aadObjectId: string;
  name: string;
  regioteam: string;
  openCases: number;
  complexCases: number;
  newThisWeek: number;
  absentDays: number;
  /** The team's caseload norm (open cases for one full-time consulent). */
  norm: number;
  isBuffer: boolean;
}

/** Share of the norm below which someone is shown as having room to help. */
export const ROOM_BELOW_SHARE = 0.85;
/** Someone absent this many days of the coming two weeks is not shown as having room. */
export const ABSENT_DAYS_NO_ROOM = 3;

export const isAboveNorm = (r: Pick<WorkloadRow, 'openCases' | 'norm'>) => r.openCases > r.norm;
export const hasRoom = (r: Pick<WorkloadRow, 'openCases' | 'norm' | 'absentDays'>) =>
  r.openCases < r.norm * ROOM_BELOW_SHARE && r.absentDays < ABSENT_DAYS_NO_ROOM;

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

export interface HelpRequestSummary {
  /** Requests created in [from, to). */
  asked: number;
  /** Of those, requests where an offer was accepted. */
  answered: number;
  /** Of those, requests escalated to a teamleider. */
  escalated: number;
  /** Requests created before `to` that still wait for accepted help (status open or aangeboden). */
  open: Array<{ id: number; regioteam: string; kind: HelpKind; urgency: Urgency; status: RequestStatus; createdAt: Date }>;
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
