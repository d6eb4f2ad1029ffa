import type { CapacityRule } from '../../config/capacity-rules';

/** One regioteam's capacity picture in one ISO week: aggregates only. */
export interface TeamWeek {
  regioteam: string;
  /** Monday of the ISO week, YYYY-MM-DD. */
  weekStart: string;
  consulenten: number;
  availableDays: number;
  possibleDays: number;
  openCases: number;
  normCases: number;
  newCases: number;
  helpAsked: number;
  helpUnanswered: number;
  helpEscalated: number;
  monitoringOverdue: number;
}

/** The office's week: its teams summed, with the measures the signal rules compare. */
export interface OfficeWeek {
  weekStart: string;
  /** Null when nobody has figures (no norm to compare with). */
  openCasesOfNorm: number | null;
  availableCapacity: number | null;
  teams: TeamWeek[];
}

export type SignalKind = 'capacity' | 'recovery';

/** A signal the weekly run found due; stored once per (kind, ruleKey, episodeStart). */
export interface DueSignal {
  kind: SignalKind;
  /** The rule's id, or `change:<id>` for the recovery of a change in force. */
  ruleKey: string;
  /** First week of the run of weeks in which the rule held (or capacity was back). */
  episodeStart: string;
  /** The rules that held (capacity) or whose thresholds capacity is back within (recovery). */
  rules: CapacityRule[];
  weeks: OfficeWeek[];
  /** The next ring inward, as a preset id; never one that touches the kern. */
  suggestedPreset?: string;
  change?: { id: number; title: string; endDate?: string };
}

/** What a stored signal carries to its card and to the proposal form. */
export interface CapacitySignal extends DueSignal {
  id: number;
  firedWeek: string;
  consecutiveWeeks: number;
  createdAt: string;
}

/** One anonymous answer of the half-yearly evaluation round. */
export interface EvaluationAnswer {
  evaluationDate: string;
  /** Regioteam id, 'beleid' or 'overig'. */
  groupKey: string;
  fundamentScore: number;
  fundamentRemark?: string;
  processesScore: number;
  processesRemark?: string;
  taskId?: string;
}
