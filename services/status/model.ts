import { DateTime } from 'luxon';
import {
  EXECUTION_STATUSES,
  EXECUTION_STATUS_LABEL,
  ringPresets,
  type ExecutionStatus,
  type RingModel,
  type RingPreset,
} from '../../config/rings';
import { validationError } from '../errors';

/** Pure rules of the core-and-rings model: presets, the kern rule, before/after, what is in force. */

export type TaskStatuses = Record<string, ExecutionStatus>;

export const REASON_CATEGORIES = {
  personeelsuitval: 'Personeelsuitval',
  'financiele-beperking': 'Financiële beperking',
  'piek-in-meldingen': 'Piek in meldingen',
  anders: 'Anders',
} as const;
export type ReasonCategory = keyof typeof REASON_CATEGORIES;

export const allNormal = (model: RingModel): TaskStatuses =>
  Object.fromEntries(model.tasks.map((t) => [t.id, 'normaal' as ExecutionStatus]));

export function findPreset(id: string, presets: RingPreset[] = ringPresets): RingPreset | undefined {
  return presets.find((p) => p.id === id);
}

/** The full task map a preset stands for. */
export function applyPreset(model: RingModel, preset: RingPreset): TaskStatuses {
  return Object.fromEntries(
    model.tasks.map((t) => [t.id, preset.tasks?.[t.id] ?? preset.rings[t.ring] ?? 'normaal']),
  ) as TaskStatuses;
}

/**
 * Checks a complete proposed task map against the model: every task present with a known status,
 * no unknown tasks, and kern tasks never `niet`. Throws a Dutch validation error.
 */
export function validateTaskStatuses(model: RingModel, tasks: Record<string, string>): TaskStatuses {
  const known = new Set(model.tasks.map((t) => t.id));
  const unknown = Object.keys(tasks).filter((id) => !known.has(id));
  if (unknown.length > 0) throw validationError(`Onbekende taak in het voorstel: ${unknown.join(', ')}.`);
  const result: TaskStatuses = {};
  for (const task of model.tasks) {
    const status = tasks[task.id] ?? 'normaal';
    if (!(EXECUTION_STATUSES as readonly string[]).includes(status)) {
      throw validationError(`Onbekende status "${status}" voor ${task.name}.`);
    }
    result[task.id] = status as ExecutionStatus;
  }
  const kernOff = model.tasks.filter((t) => t.ring === 'kern' && result[t.id] === 'niet');
  if (kernOff.length > 0) {
    throw validationError(
      `Taken in de kern kunnen nooit op "niet" worden gezet: dit zijn wettelijke taken. Het gaat om: ${kernOff.map((t) => t.name).join('; ')}. Kies "soberder" als er minder capaciteit is.`,
    );
  }
  return result;
}

export interface TaskDiff {
  taskId: string;
  taskName: string;
  ring: string;
  before: ExecutionStatus;
  after: ExecutionStatus;
}

/** The tasks whose status differs between two maps, in model order. */
export function diffStatuses(model: RingModel, before: TaskStatuses, after: TaskStatuses): TaskDiff[] {
  return model.tasks
    .filter((t) => (before[t.id] ?? 'normaal') !== (after[t.id] ?? 'normaal'))
    .map((t) => ({ taskId: t.id, taskName: t.name, ring: t.ring, before: before[t.id] ?? 'normaal', after: after[t.id] ?? 'normaal' }));
}

export function describeDiff(diff: TaskDiff): string {
  return `${diff.taskName}: ${EXECUTION_STATUS_LABEL[diff.before].toLowerCase()} → ${EXECUTION_STATUS_LABEL[diff.after].toLowerCase()}`;
}

/** A published change as far as the "what is in force" rule needs it. */
export interface PublishedChange {
  id: number;
  tasks: TaskStatuses;
  previousTasks: TaskStatuses;
  startDate: string;
  endDate?: string | null;
  /** 'lapse' = the MT chose to let it end on its end date. */
  expiryChoice?: string | null;
}

/**
 * The change in force on `today` (ISO date): the latest published change that has started. A change
 * past its expected end date stays in force (the state never changes silently) unless the MT chose
 * to let it lapse; then the state before it returns.
 */
export function changeInForce<C extends PublishedChange>(changes: C[], today: string): { change?: C; tasks?: TaskStatuses; lapsed: boolean } {
  const started = changes
    .filter((c) => c.startDate <= today)
    .sort((a, b) => (a.startDate === b.startDate ? b.id - a.id : a.startDate < b.startDate ? 1 : -1));
  const current = started[0];
  if (!current) return { lapsed: false };
  if (current.expiryChoice === 'lapse' && current.endDate && current.endDate < today) {
    return { tasks: current.previousTasks, lapsed: true };
  }
  return { change: current, tasks: current.tasks, lapsed: false };
}

export type ExpiryAction = 'none' | 'notice' | 'overdue';

/**
 * What the daily job does for a published change: a notice a week before the expected end (once
 * per end date), a daily reminder after it while nobody chose.
 */
export function expiryAction(
  change: { endDate?: string | null; expiryChoice?: string | null; noticeSentFor?: string | null },
  today: string,
): ExpiryAction {
  if (!change.endDate || change.expiryChoice === 'lapse') return 'none';
  if (today > change.endDate) return 'overdue';
  const noticeFrom = DateTime.fromISO(change.endDate).minus({ days: 7 }).toISODate()!;
  if (today >= noticeFrom && change.noticeSentFor !== change.endDate) return 'notice';
  return 'none';
}

/** Whole days from start to end (inclusive of the start day, at least 1). */
export function durationDays(startDate: string, endDate: string): number {
  const days = DateTime.fromISO(endDate).diff(DateTime.fromISO(startDate), 'days').days;
  return Math.max(1, Math.round(days));
}
