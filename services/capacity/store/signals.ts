import type { Queryable } from '../../db';
import type { CapacitySignal, DueSignal } from '../types';

/** The capacity signals, stored once per episode. */

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

/**
 * Several signals sent as one card: the first carries every rule and the evidence, the others are
 * kept (so each rule's episode is signalled once) as part of it, out of the lists.
 */
export async function joinSignals(q: Queryable, combined: CapacitySignal, partIds: number[]): Promise<void> {
  await q.query(`UPDATE capacity_signals SET evidence = evidence || $2::jsonb WHERE id = $1`, [combined.id, JSON.stringify({ rules: combined.rules, weeks: combined.weeks })]);
  await q.query(`UPDATE capacity_signals SET evidence = evidence || jsonb_build_object('partOf', $1::bigint) WHERE id = ANY($2::bigint[])`, [combined.id, partIds]);
}

export async function getSignal(q: Queryable, id: number): Promise<CapacitySignal | undefined> {
  const row = (await q.query<SignalRow>(`SELECT ${SIGNAL_COLUMNS} FROM capacity_signals WHERE id = $1`, [id]))[0];
  return row ? toSignal(row) : undefined;
}

/** Signals fired in weeks [from, to), oldest first, those sent as part of another left out (the half-year's evaluation). */
export async function signalsBetween(q: Queryable, from: string, to: string): Promise<CapacitySignal[]> {
  const rows = await q.query<SignalRow>(
    `SELECT ${SIGNAL_COLUMNS} FROM capacity_signals WHERE fired_week >= $1::date AND fired_week < $2::date AND NOT evidence ? 'partOf' ORDER BY fired_week, id`,
    [from, to],
  );
  return rows.map(toSignal);
}
