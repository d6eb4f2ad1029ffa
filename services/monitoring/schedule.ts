import type { MonitoringKind, StageOffset } from '../../config/monitoring-rules';
import type { Office } from '../../config/office';
import { isoDay, parseIsoDay, shiftBy } from '../dates';

export interface ComputedStage {
  stage: string;
  seq: number;
  dueOn: string;
}

/** The due date of one offset from the anchor date, in the office's time zone. */
export function applyOffset(anchorIso: string, offset: StageOffset, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>, zone?: string): string {
  const sign = offset.direction === 'after' ? 1 : -1;
  return isoDay(shiftBy(parseIsoDay(anchorIso, zone), sign * offset.amount, offset.unit, office));
}

/** Every stage of a kind with its due date; stored per stage when an item is created or changed. */
export function computeStages(kind: MonitoringKind, anchorIso: string, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>, zone?: string): ComputedStage[] {
  return kind.stages.map((stage, seq) => ({ stage: stage.id, seq, dueOn: applyOffset(anchorIso, stage.offset, office, zone) }));
}
