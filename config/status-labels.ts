import { EXECUTION_STATUS_LABEL, type ExecutionStatus } from './rings';

/** Dutch labels of the statusaanpassing that the cards, the exports and the ring state all show. */

export const REASON_CATEGORIES = {
  personeelsuitval: 'Personeelsuitval',
  'financiele-beperking': 'Financiële beperking',
  'piek-in-meldingen': 'Piek in meldingen',
  capaciteit: 'Capaciteit',
  anders: 'Anders',
} as const;
export type ReasonCategory = keyof typeof REASON_CATEGORIES;

/** Stored categories outside the list (older data) show as stored. */
export const reasonLabel = (c: { reasonCategory: string }): string =>
  REASON_CATEGORIES[c.reasonCategory as ReasonCategory] ?? c.reasonCategory;

export const deciderNames = (c: { decidedBy: Array<{ name: string }> }): string => c.decidedBy.map((d) => d.name).join(' en ') || '—';

export function describeDiff(diff: { taskName: string; before: ExecutionStatus; after: ExecutionStatus }): string {
  return `${diff.taskName}: ${EXECUTION_STATUS_LABEL[diff.before].toLowerCase()} → ${EXECUTION_STATUS_LABEL[diff.after].toLowerCase()}`;
}

/** The proposal form's choice "Per taak kiezen": no preset, a status per task. */
export const PER_TASK = 'per-taak';
