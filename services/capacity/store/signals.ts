import type { Queryable } from '../../db';
import type { CapacitySignal, DueSignal, TeamWeek } from '../types';

/** All SQL of the capacity feature: the weekly snapshots and the signals. */

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

interface SignalRow {
  id: number;
  kind: CapacitySignal['kind'];
  rule_key: string;
  episode_start: string;
  fired_week: string;
  suggested_preset: string | null;
  change_id: number | null;
  evidence: { rules: DueSignal['rules']; weeks: DueSignal['weeks']; change?: DueSignal['change']; consecutiveWeeks: number };
  created_at: Date;
}

const toSignal = (r: SignalRow): CapacitySignal => ({
  id: Number(r.id),
  kind: r.kind,
  ruleKey: r.rule_key,
  episodeStart: r.episode_start,
  firedWeek: r.fired_week,
  rules: r.evidence.rules,
  weeks: r.evidence.weeks,
  consecutiveWeeks: r.evidence.consecutiveWeeks,
  ...(r.suggested_preset ? { suggestedPreset: r.suggested_preset } : {}),
  ...(r.evidence.change ? { change: r.evidence.change } : {}),
  createdAt: new Date(r.created_at).toISOString(),
});

const SIGNAL_COLUMNS = `id, kind, rule_key, episode_start::text AS episode_start, fired_week::text AS fired_week, suggested_preset, change_id, evidence, created_at`;

/** Stores a signal unless its episode was signalled before; returns it when it is new. */
export async function insertSignal(q: Queryable, signal: DueSignal, firedWeek: string, consecutiveWeeks: number, at: Date): Promise<CapacitySignal | undefined> {
  const rows = await q.query<SignalRow>(
    `INSERT INTO capacity_signals (kind, rule_key, episode_start, fired_week, suggested_preset, change_id, evidence, created_at)
     VALUES ($1, $2, $3::date, $4::date, $5, $6, $7::jsonb, $8)
     ON CONFLICT (kind, rule_key, episode_start) DO NOTHING RETURNING ${SIGNAL_COLUMNS}`,
    [
      signal.kind, signal.ruleKey, signal.episodeStart, firedWeek, signal.suggestedPreset ?? null, signal.change?.id ?? null,
      JSON.stringify({ rules: signal.rules, weeks: signal.weeks, change: signal.change, consecutiveWeeks }), at.toISOString(),
    ],
  );
  return rows[0] ? toSignal(rows[0]) : undefined;
}

export async function getSignal(q: Queryable, id: number): Promise<CapacitySignal | undefined> {
  const row = (await q.query<SignalRow>(`SELECT ${SIGNAL_COLUMNS} FROM capacity_signals WHERE id = $1`, [id]))[0];
  return row ? toSignal(row) : undefined;
}

/** Signals fired in weeks [from, to), oldest first (the half-year's evaluation). */
export async function signalsBetween(q: Queryable, from: string, to: string): Promise<CapacitySignal[]> {
  const rows = await q.query<SignalRow>(
    `SELECT ${SIGNAL_COLUMNS} FROM capacity_signals WHERE fired_week >= $1::date AND fired_week < $2::date ORDER BY fired_week, id`,
    [from, to],
  );
  return rows.map(toSignal);
}
