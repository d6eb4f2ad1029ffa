import type { Office } from '../../config/office';
import type { ExecutionStatus } from '../../config/rings';
import { DEFAULT_ZONE, isoDay, localDay } from '../../lib/dates';
import type { Queryable } from '../db';
import { REASON_CATEGORIES, allNormal, changeInForce, type TaskStatuses } from './model';
import { CHANGE_COLUMNS, type ChangeRow } from './store';

/** What is executed right now: every task's status, and the statusaanpassing that set it (if any). */
export interface RingState {
  tasks: Record<string, ExecutionStatus>;
  /** The statusaanpassing in force at `at`, if any. */
  activeChange?: { id: number; title: string; startDate: string; endDate?: string; reason: string };
}

export interface InForce {
  tasks: TaskStatuses;
  change?: ChangeRow;
  /** Set when the latest change lapsed on its end date (by the MT's choice). */
  lapsedFrom?: ChangeRow;
}

/** The published changes and the one in force on the local day of `at`. */
export async function loadInForce(q: Queryable, office: Office, at: Date, zone = DEFAULT_ZONE): Promise<InForce> {
  const rows = await q.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM status_changes WHERE state = 'published'`);
  const changes = rows.map((r) => ({ ...r, id: Number(r.id) }));
  const today = isoDay(localDay(at, zone));
  const found = changeInForce(changes, today);
  const base = allNormal(office.rings);
  if (found.lapsed) {
    const lapsedFrom = changes.filter((c) => c.startDate <= today).sort((a, b) => (a.startDate === b.startDate ? b.id - a.id : a.startDate < b.startDate ? 1 : -1))[0];
    return { tasks: { ...base, ...found.tasks }, lapsedFrom };
  }
  return { tasks: { ...base, ...(found.tasks ?? {}) }, change: found.change };
}

/**
 * The ring state in force at `at`. Other features (MDO advice, preventive talks) read it, so a
 * published change is reflected immediately.
 */
export async function getCurrentRingState(q: Queryable, office: Office, at: Date): Promise<RingState> {
  const { tasks, change } = await loadInForce(q, office, at);
  if (!change) return { tasks };
  return {
    tasks,
    activeChange: {
      id: change.id,
      title: change.title,
      startDate: change.startDate,
      endDate: change.endDate ?? undefined,
      reason: `${REASON_CATEGORIES[change.reasonCategory as keyof typeof REASON_CATEGORIES] ?? change.reasonCategory}${change.reason ? `: ${change.reason}` : ''}`,
    },
  };
}
