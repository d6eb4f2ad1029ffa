import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';
import type { MdoType } from '../../config/mdo-catalogue';
import type { Queryable } from '../db';
import type { MdoOutcome } from './labels';

/**
 * Estimated hours saved by one decision, stored with it so later catalogue changes do not rewrite
 * history. Definition: a meeting not attended at all (niet deelnemen, schriftelijke inbreng,
 * laten vertegenwoordigen) saves its `hoursPerMeeting`; attending online instead of on site saves
 * the travel time (`travelHours`); attending physically saves nothing, and "eerst juridische toets"
 * is not yet a choice about attending, so it saves nothing either.
 */
export function hoursSavedFor(outcome: MdoOutcome, type: Pick<MdoType, 'hoursPerMeeting' | 'travelHours'>): number {
  switch (outcome) {
    case 'niet-deelnemen':
    case 'schriftelijk':
    case 'vertegenwoordigen':
      return type.hoursPerMeeting;
    case 'online':
      return type.travelHours;
    default:
      return 0;
  }
}

export interface MdoSummary {
  total: number;
  /** By catalogue type id. */
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  /** By final outcome (what the consulent decided). */
  byOutcome: Record<string, number>;
  /** Decisions that differ from the advice. */
  overridden: number;
  hoursSaved: number;
}

/**
 * Figures for the dashboard and the half-yearly evaluation: decided MDOs whose meeting falls in
 * [from, to), optionally for some regioteams only.
 */
export async function mdoSummary(q: Queryable, period: { from: Date; to: Date; regioteams?: string[] }): Promise<MdoSummary> {
  const rows = await q.query<{ mdo_type: string; category: string; final_outcome: string; overridden: boolean; n: number; hours: number }>(
    `SELECT mdo_type, category, final_outcome, overridden, count(*)::int AS n, COALESCE(sum(hours_saved), 0)::float8 AS hours
     FROM mdo_decisions
     WHERE status = 'decided' AND meeting_at >= $1 AND meeting_at < $2
       AND ($3::jsonb IS NULL OR regioteam IN (SELECT jsonb_array_elements_text($3::jsonb)))
     GROUP BY mdo_type, category, final_outcome, overridden`,
    [period.from.toISOString(), period.to.toISOString(), period.regioteams ? JSON.stringify(period.regioteams) : null],
  );
  const summary: MdoSummary = { total: 0, byType: {}, byCategory: {}, byOutcome: {}, overridden: 0, hoursSaved: 0 };
  const add = (map: Record<string, number>, key: string, n: number) => {
    map[key] = (map[key] ?? 0) + n;
  };
  for (const row of rows) {
    const n = Number(row.n);
    summary.total += n;
    add(summary.byType, row.mdo_type, n);
    add(summary.byCategory, row.category, n);
    add(summary.byOutcome, row.final_outcome, n);
    if (row.overridden) summary.overridden += n;
    summary.hoursSaved += Number(row.hours);
  }
  summary.hoursSaved = Math.round(summary.hoursSaved * 10) / 10;
  return summary;
}

/**
 * The evaluation period around `now`: from the last half-yearly evaluation date (or six months
 * back) to the next one (or six months on), in the office time zone.
 */
export function evaluationPeriod(evaluationDates: string[], now: Date, zone: string): { from: Date; to: Date } {
  const today = DateTime.fromJSDate(now, { zone: timeZone(zone) }).toISODate()!;
  const sorted = [...evaluationDates].sort();
  const last = sorted.filter((d) => d <= today).at(-1);
  const next = sorted.find((d) => d > today);
  const day = (iso: string) => DateTime.fromISO(iso, { zone: timeZone(zone) }).startOf('day');
  const from = last ? day(last) : next ? day(next).minus({ months: 6 }) : DateTime.fromJSDate(now, { zone: timeZone(zone) }).startOf('day').minus({ months: 6 });
  const to = next ? day(next) : from.plus({ months: 6 });
  return { from: from.toJSDate(), to: to.toJSDate() };
}
