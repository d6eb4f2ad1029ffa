import type { Queryable } from '../../db';
import type { TeamWeek } from '../types';

/** The weekly capacity snapshots: aggregates per regioteam and ISO week. */

interface SnapshotRow {
  regioteam: string;
  week_start: string;
  consulenten: number;
  available_days: number;
  possible_days: number;
  open_cases: number;
  norm_cases: number;
  new_cases: number;
  help_asked: number;
  help_unanswered: number;
  help_escalated: number;
  monitoring_overdue: number;
}

const toTeamWeek = (r: SnapshotRow): TeamWeek => ({
  regioteam: r.regioteam,
  weekStart: r.week_start,
  consulenten: Number(r.consulenten),
  availableDays: Number(r.available_days),
  possibleDays: Number(r.possible_days),
  openCases: Number(r.open_cases),
  normCases: Number(r.norm_cases),
  newCases: Number(r.new_cases),
  helpAsked: Number(r.help_asked),
  helpUnanswered: Number(r.help_unanswered),
  helpEscalated: Number(r.help_escalated),
  monitoringOverdue: Number(r.monitoring_overdue),
});

/** Stores the week's snapshot; a week already stored stays as it was (the job may run twice). Returns the rows written. */
export async function insertSnapshots(q: Queryable, weeks: TeamWeek[], at: Date): Promise<number> {
  if (weeks.length === 0) return 0;
  const rows = await q.query<{ regioteam: string }>(
    `INSERT INTO capacity_snapshots (regioteam, week_start, consulenten, available_days, possible_days, open_cases, norm_cases, new_cases,
       help_asked, help_unanswered, help_escalated, monitoring_overdue, taken_at)
     SELECT w.regioteam, w.week_start::date, w.consulenten, w.available_days, w.possible_days, w.open_cases, w.norm_cases, w.new_cases,
       w.help_asked, w.help_unanswered, w.help_escalated, w.monitoring_overdue, $2::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS w(regioteam text, week_start text, consulenten int, available_days int, possible_days int,
       open_cases int, norm_cases int, new_cases int, help_asked int, help_unanswered int, help_escalated int, monitoring_overdue int)
     ON CONFLICT (regioteam, week_start) DO NOTHING RETURNING regioteam`,
    [
      JSON.stringify(weeks.map((w) => ({
        regioteam: w.regioteam, week_start: w.weekStart, consulenten: w.consulenten, available_days: w.availableDays, possible_days: w.possibleDays,
        open_cases: w.openCases, norm_cases: w.normCases, new_cases: w.newCases, help_asked: w.helpAsked, help_unanswered: w.helpUnanswered,
        help_escalated: w.helpEscalated, monitoring_overdue: w.monitoringOverdue,
      }))),
      at.toISOString(),
    ],
  );
  return rows.length;
}

/** Snapshots with week_start in [from, to), oldest first. */
export async function snapshotsBetween(q: Queryable, from: string, to: string): Promise<TeamWeek[]> {
  const rows = await q.query<SnapshotRow>(
    `SELECT regioteam, week_start::text AS week_start, consulenten, available_days, possible_days, open_cases, norm_cases, new_cases,
       help_asked, help_unanswered, help_escalated, monitoring_overdue
     FROM capacity_snapshots WHERE week_start >= $1::date AND week_start < $2::date ORDER BY week_start, regioteam`,
    [from, to],
  );
  return rows.map(toTeamWeek);
}

/** Deletes snapshots of weeks before `before`; returns how many. */
export async function purgeSnapshotsBefore(q: Queryable, before: string): Promise<number> {
  return (await q.query(`DELETE FROM capacity_snapshots WHERE week_start < $1::date RETURNING 1`, [before])).length;
}
