import type { EvaluationAnswer } from './types';

/** Pure rules of the half-yearly evaluation round: when it runs, and what may be shown of it. */

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The evaluation dates whose round is open today: from `leadWeeks` before the date until the day before it. */
export const openRounds = (evaluationDates: string[], today: string, leadWeeks: number): string[] =>
  evaluationDates.filter((date) => today >= addDays(date, -7 * leadWeeks) && today < date);

/** The day on or before which someone must have been invited to get the reminder today. */
export const remindInvitedBy = (today: string, reminderAfterDays: number): string => addDays(today, -reminderAfterDays);

export const SCORES = [1, 2, 3, 4, 5] as const;

export interface QuestionResult {
  average: number;
  /** How many answered 1, 2, 3, 4 and 5. */
  distribution: number[];
  remarks: string[];
}

export interface StaffEvaluation {
  evaluationDate: string;
  invited: number;
  answered: number;
  /** False below the minimum: then only the counts are shown, no scores, remarks or tasks. */
  shown: boolean;
  minGroupSize: number;
  fundament?: QuestionResult;
  processes?: QuestionResult;
  tasks?: Array<{ taskId: string; count: number }>;
  /**
   * Per group, only when every group has at least the minimum number of answers: one small group
   * beside the total would give its own figures away by subtraction.
   */
  groups?: Array<{ groupKey: string; answered: number; fundament: number; processes: number }>;
}

const average = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

function question(answers: EvaluationAnswer[], score: (a: EvaluationAnswer) => number, remark: (a: EvaluationAnswer) => string | undefined): QuestionResult {
  const scores = answers.map(score);
  return {
    average: average(scores),
    distribution: SCORES.map((s) => scores.filter((v) => v === s).length),
    remarks: answers.map(remark).filter((r): r is string => !!r).sort((a, b) => a.localeCompare(b, 'nl')),
  };
}

/** What the tab and the export may show of a round: nothing but counts under the minimum group size. */
export function summariseRound(round: { evaluationDate: string; invited: number; answers: EvaluationAnswer[] }, minGroupSize: number): StaffEvaluation {
  const { answers } = round;
  const base = { evaluationDate: round.evaluationDate, invited: round.invited, answered: answers.length, minGroupSize };
  if (answers.length < minGroupSize) return { ...base, shown: false };
  const tasks = new Map<string, number>();
  for (const a of answers) if (a.taskId) tasks.set(a.taskId, (tasks.get(a.taskId) ?? 0) + 1);
  const byGroup = new Map<string, EvaluationAnswer[]>();
  for (const a of answers) byGroup.set(a.groupKey, [...(byGroup.get(a.groupKey) ?? []), a]);
  return {
    ...base,
    shown: true,
    fundament: question(answers, (a) => a.fundamentScore, (a) => a.fundamentRemark),
    processes: question(answers, (a) => a.processesScore, (a) => a.processesRemark),
    tasks: [...tasks.entries()].map(([taskId, count]) => ({ taskId, count })).sort((a, b) => b.count - a.count || a.taskId.localeCompare(b.taskId)),
    groups: [...byGroup.values()].some((group) => group.length < minGroupSize) || byGroup.size < 2 ? [] : [...byGroup.entries()]
      .map(([groupKey, group]) => ({ groupKey, answered: group.length, fundament: average(group.map((a) => a.fundamentScore)), processes: average(group.map((a) => a.processesScore)) }))
      .sort((a, b) => a.groupKey.localeCompare(b.groupKey)),
  };
}
