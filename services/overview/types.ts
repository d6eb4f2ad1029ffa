import type { ExecutionStatus } from '../../config/rings';

/**
 * What the Overzicht tab shows, per section, already filtered for the actor. Each section says
 * whether it has data, is not for this role, or is not available yet (its feature is not built).
 */
export type Section<T> = { state: 'ok'; data: T } | { state: 'forbidden'; reason: string } | { state: 'unavailable' };

/** A half-year as ISO dates (`to` exclusive) with its Dutch description. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface StatusView {
  activeChange?: { title: string; startDate: string; endDate?: string; reason: string };
  /** Decided changes that start later, with what they change per task. */
  upcoming: Array<{ title: string; startDate: string; endDate?: string; changes: Array<{ task: string; before: string; after: string }> }>;
  rings: Array<{ id: string; name: string; tasks: Array<{ id: string; name: string; status: ExecutionStatus; statusLabel: string }> }>;
}

export interface MonitoringView {
  overdue: number;
  weeks: Array<{ weekStart: string; label: string; count: number }>;
}

export interface WorkloadTeamView {
  regioteam: string;
  name: string;
  norm: number;
  people: number;
  totalOpen: number;
  averageOpen: number;
  aboveNorm: number;
  /** Per-person figures, only when the actor may see them for this team. */
  persons?: Array<{ name: string; openCases: number; isBuffer: boolean }>;
}

export interface HelpRequestsView {
  /** Open requests of teams whose details the actor may see. */
  open: Array<{ id: number; regioteam: string; kind: string; urgency: string; status: string; createdAt: string }>;
  openPerTeam: Array<{ regioteam: string; name: string; count: number }>;
}

export interface MdoView {
  period: Period;
  total: number;
  byOutcome: Array<{ outcome: string; label: string; count: number }>;
}

export interface EvaluationRow {
  part: string;
  measure: string;
  value: string;
}

export interface EvaluationView {
  period: Period;
  rows: EvaluationRow[];
  /** Parts that have no figures yet because their feature is not built. */
  missing: string[];
}

/** One measure of a team's weekly capacity snapshots, as a small chart. */
export interface TrendMeasure {
  id: string;
  label: string;
  unit: '%' | '';
  /** The signal rule's threshold on this measure, in the same unit. */
  threshold?: number;
  /** Oldest first; value null when nobody in the team had figures that week. */
  points: Array<{ weekStart: string; label: string; value: number | null; beyond: boolean }>;
}

export interface CapacityTrendsView {
  consecutiveWeeks: number;
  teams: Array<{ regioteam: string; name: string; measures: TrendMeasure[] }>;
}

export interface ActorView {
  name: string;
  roleLabel: string;
  regioteam?: string;
}

export interface OverviewView {
  generatedAt: string;
  actor: ActorView;
  status: Section<StatusView>;
  monitoring: Section<MonitoringView>;
  workload: Section<{ teams: WorkloadTeamView[] }>;
  helpRequests: Section<HelpRequestsView>;
  mdo: Section<MdoView>;
  evaluation: Section<EvaluationView>;
  capacity: Section<CapacityTrendsView>;
}
