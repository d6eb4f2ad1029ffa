import type { Office } from '../../config/office';
import type { ExecutionStatus } from '../../config/rings';
import type { Queryable } from '../db';

/** What is executed right now: every task's status, and the statusaanpassing that set it (if any). */
export interface RingState {
  tasks: Record<string, ExecutionStatus>;
  /** The statusaanpassing in force at `at`, if any. */
  activeChange?: { id: number; title: string; startDate: string; endDate?: string; reason: string };
}

/**
 * The ring state in force at `at`. Other features (MDO advice, preventive talks) read it, so a
 * published change is reflected immediately.
 */
export async function getCurrentRingState(_q: Queryable, office: Office, _at: Date): Promise<RingState> {
  // Until statusaanpassingen are stored, everything runs normally.
  return { tasks: Object.fromEntries(office.rings.tasks.map((t) => [t.id, 'normaal' as ExecutionStatus])) };
}
