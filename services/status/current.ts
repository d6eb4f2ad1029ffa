import type { Office } from '../../config/office';
import { allNormal, type ExecutionStatus } from '../../config/rings';
import { reasonLabel } from '../../config/status-labels';
import { DEFAULT_ZONE, isoDay, localDay } from '../../lib/dates';
import type { Queryable } from '../db';
import { changeInForce } from './rules';
import { publishedChanges } from './store';
import type { InForce } from './types';

/** What is executed right now: every task's status, and the statusaanpassing that set it (if any). */
export interface RingState {
  tasks: Record<string, ExecutionStatus>;
  /** The statusaanpassing in force at `at`, if any. */
  activeChange?: { id: number; title: string; startDate: string; endDate?: string; reason: string };
}

/** The published changes and the one in force on the local day of `at`. */
export async function loadInForce(q: Queryable, office: Office, at: Date, zone = DEFAULT_ZONE): Promise<InForce> {
  const found = changeInForce(await publishedChanges(q), isoDay(localDay(at, zone)));
  const tasks = { ...allNormal(office.rings), ...(found.tasks ?? {}) };
  return found.lapsed ? { tasks, lapsedFrom: found.lapsedFrom } : { tasks, change: found.change };
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
      reason: `${reasonLabel(change)}${change.reason ? `: ${change.reason}` : ''}`,
    },
  };
}
