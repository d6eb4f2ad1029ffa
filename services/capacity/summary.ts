import type { Office } from '../../config/office';
import type { Queryable } from '../db';
import { summariseRound, type StaffEvaluation } from './evaluation-rules';
import { latestRound } from './store/evaluation';
import { signalsBetween } from './store/signals';
import { snapshotsBetween } from './store/snapshots';
import type { CapacitySignal, TeamWeek } from './types';

/** For the Overzicht tab: a period's weekly snapshots per team, its signals, and the staff's evaluation. */
export interface CapacitySummary {
  /** Snapshots of the evaluation period. */
  weeks: TeamWeek[];
  /** Snapshots of the trend window (the last half-year up to now), for the charts. */
  recentWeeks: TeamWeek[];
  signals: CapacitySignal[];
  /** The latest evaluation round up to the period's end, as much as may be shown of it. */
  staff?: StaffEvaluation;
}

/**
 * Snapshots and signals of weeks in the evaluation period [from, to) (ISO dates), the round of the
 * evaluation date `to` or the one before it, and the snapshots of the trend window [trendFrom, trendTo).
 */
export async function capacitySummary(
  q: Queryable,
  office: Pick<Office, 'capacity'>,
  range: { from: string; to: string; trendFrom: string; trendTo: string },
): Promise<CapacitySummary> {
  const first = range.from < range.trendFrom ? range.from : range.trendFrom;
  const last = range.to > range.trendTo ? range.to : range.trendTo;
  const [all, signals, round] = await Promise.all([snapshotsBetween(q, first, last), signalsBetween(q, range.from, range.to), latestRound(q, range.to)]);
  const within = (from: string, to: string) => all.filter((w) => w.weekStart >= from && w.weekStart < to);
  return {
    weeks: within(range.from, range.to),
    recentWeeks: within(range.trendFrom, range.trendTo),
    signals,
    ...(round ? { staff: summariseRound(round, office.capacity.evaluation.minGroupSize) } : {}),
  };
}
