import { DateTime } from 'luxon';
import type { Office } from '../../config/office';
import { EXECUTION_STATUSES, applyPreset, diffStatuses, ringPresets, type RingModel, type RingPreset, type TaskStatuses } from '../../config/rings';
import { PER_TASK } from '../../config/status-labels';
import { validationError } from '../errors';
import type { Answer, ChangeFacts, ChangeRow, ChangeState, ResponseCounts } from './types';

/** Pure rules of the statusaanpassing: its state machine, presets, the kern rule, what is in force, expiry. */

interface Transition {
  from: readonly ChangeState[];
  to: ChangeState;
}

/**
 * Which step may move a change from which states, and where to. The store applies a step as one
 * conditional UPDATE on `from`, so of two concurrent clicks exactly one moves the change.
 * Extending or letting a change lapse keeps it published.
 */
export const TRANSITIONS = {
  consult: { from: ['draft'], to: 'proposed' },
  skipConsultation: { from: ['draft'], to: 'proposed' },
  withdraw: { from: ['draft', 'proposed', 'awaiting_confirmation'], to: 'withdrawn' },
  /** Four-eyes: the first MT member publishes, a second one confirms. */
  publishFirst: { from: ['proposed'], to: 'awaiting_confirmation' },
  publish: { from: ['proposed'], to: 'published' },
  confirm: { from: ['awaiting_confirmation'], to: 'published' },
  extend: { from: ['published'], to: 'published' },
  lapse: { from: ['published'], to: 'published' },
  end: { from: ['published'], to: 'ended' },
} as const satisfies Record<string, Transition>;
export type Step = keyof typeof TRANSITIONS;

export function findPreset(id: string, presets: RingPreset[] = ringPresets): RingPreset | undefined {
  return presets.find((p) => p.id === id);
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
    result[task.id] = status as TaskStatuses[string];
  }
  const kernOff = model.tasks.filter((t) => t.ring === 'kern' && result[t.id] === 'niet');
  if (kernOff.length > 0) {
    throw validationError(
      `Taken in de kern kunnen nooit op "niet" worden gezet: dit zijn wettelijke taken. Het gaat om: ${kernOff.map((t) => t.name).join('; ')}. Kies "soberder" als er minder capaciteit is.`,
    );
  }
  return result;
}

/** The task map and title of a proposal: a preset, or the per-task choices from the card. */
export function proposedTasks(office: Office, input: { preset: string; taskValues: Record<string, string> }): { tasks: TaskStatuses; title: string } {
  if (input.preset === PER_TASK) {
    return { tasks: validateTaskStatuses(office.rings, input.taskValues), title: 'Aanpassing per taak' };
  }
  const preset = findPreset(input.preset, ringPresets);
  if (!preset) throw validationError('Kies een voorinstelling of "Per taak kiezen".');
  return { tasks: validateTaskStatuses(office.rings, applyPreset(office.rings, preset)), title: preset.name };
}

/** What the cards need of a change, with its task changes worked out against the model. */
export function changeFacts(model: RingModel, c: ChangeRow): ChangeFacts {
  return {
    id: c.id, kind: c.kind, state: c.state, title: c.title, tasks: c.tasks, previousTasks: c.previousTasks,
    reasonCategory: c.reasonCategory, reason: c.reason, practiceImpact: c.practiceImpact, partnerText: c.partnerText,
    startDate: c.startDate, endDate: c.endDate, proposedByName: c.proposedByName,
    consultationDeadline: c.consultationDeadline, consultationSkipped: c.consultationSkipped,
    firstDecider: c.firstDecider, firstDeciderName: c.firstDeciderName, decidedBy: c.decidedBy,
    changes: diffStatuses(model, c.previousTasks, c.tasks),
  };
}

export function countResponses(rows: Array<{ answer: Answer }>): ResponseCounts {
  const counts: ResponseCounts = { akkoord: 0, zorgen: 0, opmerking: 0 };
  for (const r of rows) counts[r.answer] += 1;
  return counts;
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
export function changeInForce<C extends PublishedChange>(
  changes: C[],
  today: string,
): { change?: C; tasks?: TaskStatuses; lapsed: boolean; lapsedFrom?: C } {
  const started = changes
    .filter((c) => c.startDate <= today)
    .sort((a, b) => (a.startDate === b.startDate ? b.id - a.id : a.startDate < b.startDate ? 1 : -1));
  const current = started[0];
  if (!current) return { lapsed: false };
  if (current.expiryChoice === 'lapse' && current.endDate && current.endDate < today) {
    return { tasks: current.previousTasks, lapsed: true, lapsedFrom: current };
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
