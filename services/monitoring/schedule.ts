import type { MonitoringKind, StageOffset } from '../../config/monitoring-rules';
import type { Office } from '../../config/office';
import { isoDay, parseIsoDay, shiftBy } from '../../lib/dates';

export interface ComputedStage {
  stage: string;
  seq: number;
  dueOn: string;
}

/**
 * Due dates already computed, per office calendar (school weeks step day by day through the
 * holidays, ≈ 0.1 ms); items are mostly started on the same few recent dates. Bounded.
 */
const MEMO_MAX = 10_000;
const dueDates = new WeakMap<object, Map<string, string>>();

/** The due date of one offset from the anchor date, in the office's time zone. */
export function applyOffset(anchorIso: string, offset: StageOffset, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>, zone?: string): string {
  let memo = dueDates.get(office);
  if (!memo) dueDates.set(office, (memo = new Map()));
  const key = `${zone ?? ''}|${anchorIso}|${offset.direction}|${offset.amount}|${offset.unit}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const sign = offset.direction === 'after' ? 1 : -1;
  const due = isoDay(shiftBy(parseIsoDay(anchorIso, zone), sign * offset.amount, offset.unit, office));
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, due);
  return due;
}

/** Every stage of a kind with its due date; stored per stage when an item is created or changed. */
export function computeStages(kind: MonitoringKind, anchorIso: string, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>, zone?: string): ComputedStage[] {
  return kind.stages.map((stage, seq) => ({ stage: stage.id, seq, dueOn: applyOffset(anchorIso, stage.offset, office, zone) }));
}
