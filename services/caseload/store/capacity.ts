import type { Queryable } from '../../db';
import { UNANSWERED_STATUSES } from '../rules';

/** The weekly capacity snapshot's caseload figures, per regioteam: sums only, no people. */
export interface TeamCaseloadTotals {
  regioteam: string;
  consulenten: number;
  openCases: number;
  newCases: number;
  /** Days absent in the coming two weeks, each person's capped at the ten working days. */
  absentDays: number;
}

/** Everyone with werkdruk figures, summed per regioteam. */
export async function caseloadTotalsPerTeam(q: Queryable): Promise<TeamCaseloadTotals[]> {
  const rows = await q.query<{ regioteam: string; consulenten: number; open_cases: number; new_cases: number; absent_days: number }>(
    `SELECT p.regioteam, count(*)::int AS consulenten, sum(f.open_cases)::int AS open_cases,
            sum(f.new_this_week)::int AS new_cases, sum(LEAST(f.absent_days, 10))::int AS absent_days
     FROM caseload_figures f JOIN people p ON p.aad_object_id = f.aad_object_id
     WHERE p.regioteam IS NOT NULL GROUP BY p.regioteam`,
  );
  return rows.map((r) => ({
    regioteam: r.regioteam, consulenten: Number(r.consulenten), openCases: Number(r.open_cases), newCases: Number(r.new_cases), absentDays: Number(r.absent_days),
  }));
}

export interface TeamHelpCounts {
  regioteam: string;
  /** Requests made in [from, to). */
  asked: number;
  /** Requests still waiting for accepted help at `to`. */
  unanswered: number;
  /** Requests escalated to the teamleider in [from, to). */
  escalated: number;
}

/** Help requests per regioteam for one week of the capacity picture. */
export async function helpCountsPerTeam(q: Queryable, range: { from: Date; to: Date }): Promise<TeamHelpCounts[]> {
  const rows = await q.query<{ regioteam: string; asked: number; unanswered: number; escalated: number }>(
    `SELECT regioteam,
       count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS asked,
       count(*) FILTER (WHERE status = ANY($3::text[]) AND created_at < $2)::int AS unanswered,
       count(*) FILTER (WHERE escalated_at >= $1 AND escalated_at < $2)::int AS escalated
     FROM help_requests WHERE created_at < $2 AND (created_at >= $1 OR status = ANY($3::text[]) OR escalated_at >= $1)
     GROUP BY regioteam`,
    [range.from.toISOString(), range.to.toISOString(), UNANSWERED_STATUSES],
  );
  return rows.map((r) => ({ regioteam: r.regioteam, asked: Number(r.asked), unanswered: Number(r.unanswered), escalated: Number(r.escalated) }));
}
