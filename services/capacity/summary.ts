import type { Office } from '../../config/office';
import type { Queryable } from '../db';
import { summariseRound, type StaffEvaluation } from './evaluation-rules';
import { latestRound } from './store/evaluation';
import { signalsBetween } from './store/signals';
import { snapshotsBetween } from './store/snapshots';
import type { CapacitySignal, TeamWeek } from './types';

/** For the Overzicht tab: a period's weekly snapshots per team, its signals, and the staff's evaluation. */
export interface CapacitySummary {
  weeks: TeamWeek[];
  signals: CapacitySignal[];
  /** The latest evaluation round up to the period's end, as much as may be shown of it. */
  staff?: StaffEvaluation;
}

/** Snapshots and signals of weeks in [from, to) (ISO dates); the round of the evaluation date `to` or before it. */
export async function capacitySummary(q: Queryable, office: Pick<Office, 'capacity'>, period: { from: string; to: string }): Promise<CapacitySummary> {
  const [weeks, signals, round] = await Promise.all([snapshotsBetween(q, period.from, period.to), signalsBetween(q, period.from, period.to), latestRound(q, period.to)]);
  return { weeks, signals, ...(round ? { staff: summariseRound(round, office.capacity.evaluation.minGroupSize) } : {}) };
}
